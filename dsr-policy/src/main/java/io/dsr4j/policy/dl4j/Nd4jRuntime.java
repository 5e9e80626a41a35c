package io.dsr4j.policy.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J set-up, done before any ND4J class loads: its start-up INFO chatter (backend, BLAS vendor, thread
 * counts, workspace modes) is lowered to WARN for slf4j-simple unless the user configured those loggers, and it
 * runs on one thread unless {@code OMP_NUM_THREADS} says otherwise. One thread because (measured on the 2-vCPU
 * reference machine) OpenMP over 2 threads made sampling 4× slower for this small network, and because split
 * reductions would make results depend on the thread count.
 */
final class Nd4jRuntime {

    private static final String[] QUIET_LOGGERS = {"org.nd4j", "org.deeplearning4j", "org.bytedeco"};

    private static boolean initialized;

    private Nd4jRuntime() { }

    static synchronized void init() {
        if (initialized) return;
        for (String name : QUIET_LOGGERS) {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) System.setProperty(key, "warn");
        }
        if (System.getenv("OMP_NUM_THREADS") == null) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
        }
        initialized = true;
    }
}
