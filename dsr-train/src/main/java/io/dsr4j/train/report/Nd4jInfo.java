package io.dsr4j.train.report;

import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ND4J backend of this process (kept apart so ND4J's classes load only for runs whose policy uses it). */
final class Nd4jInfo {

    private Nd4jInfo() { }

    static Object describe() {
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backend", Nd4j.getBackend().getClass().getName());
            m.put("data_type", String.valueOf(Nd4j.dataType()));
            Object blas = Nd4j.getExecutioner().getEnvironmentInformation().get("blas.vendor");
            if (blas != null) m.put("blas", String.valueOf(blas));
            return m;
        } catch (Throwable t) { // a provenance note must never fail the run
            return "unavailable (" + t + ")";
        }
    }
}
