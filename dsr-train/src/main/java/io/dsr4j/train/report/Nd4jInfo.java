package io.dsr4j.train.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ND4J backend of this process, looked up by reflection: ND4J is an optional dependency (the CLI jar carries it,
 * a library user may not), and this is only asked for runs whose policy uses ND4J.
 */
final class Nd4jInfo {

    private Nd4jInfo() { }

    static Object describe() {
        try {
            Class<?> nd4j = Class.forName("org.nd4j.linalg.factory.Nd4j");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backend", nd4j.getMethod("getBackend").invoke(null).getClass().getName());
            m.put("data_type", String.valueOf(nd4j.getMethod("dataType").invoke(null)));
            Object executioner = nd4j.getMethod("getExecutioner").invoke(null);
            Object env = executioner.getClass().getMethod("getEnvironmentInformation").invoke(executioner);
            if (env instanceof Map<?, ?> e && e.get("blas.vendor") != null) m.put("blas", String.valueOf(e.get("blas.vendor")));
            return m;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) { // never fails the run
            return "unavailable (" + e + ")";
        }
    }
}
