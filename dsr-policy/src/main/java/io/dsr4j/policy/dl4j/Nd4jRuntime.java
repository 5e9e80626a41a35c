package io.dsr4j.policy.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J set-up, done before any ND4J or JavaCPP class loads (each setting only where the user has not set
 * it):
 * <ul>
 *   <li>ND4J's start-up INFO chatter (backend, BLAS vendor, thread counts, workspace modes) is lowered to WARN for
 *       slf4j-simple;</li>
 *   <li>JavaCPP's physical-memory guard is off ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}): it reads the
 *       process RSS on every native allocation — every ND4J op allocates small shape buffers — which was 16 % of
 *       the training step's CPU time (JFR). JavaCPP's own byte accounting ({@code maxBytes}) still triggers GC;</li>
 *   <li>one thread unless {@code OMP_NUM_THREADS} says otherwise: on the 2-vCPU reference machine OpenMP over 2
 *       threads made sampling 4× slower for this small network, and split reductions would make results depend
 *       on the thread count.</li>
 * </ul>
 */
final class Nd4jRuntime {

    private static final String[] QUIET_LOGGERS = {"org.nd4j", "org.deeplearning4j", "org.bytedeco"};

    private static boolean initialized;

    private Nd4jRuntime() { }

    static synchronized void init() {
        if (initialized) return;
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null
                && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
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
