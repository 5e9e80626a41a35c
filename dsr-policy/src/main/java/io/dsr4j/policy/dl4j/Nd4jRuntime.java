package io.dsr4j.policy.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native thread settings, applied once per JVM before the first policy uses ND4J (ND4J's environment is
 * itself process-wide): one thread unless {@code OMP_NUM_THREADS} says otherwise. On the 2-vCPU reference machine
 * OpenMP over 2 threads made sampling 4× slower for this small network, and split reductions would make results
 * depend on the thread count. The class-initialisation idiom runs it exactly once without a mutable flag.
 *
 * <p>System properties are the process owner's business and are not set here: the {@code dsr} command sets
 * JavaCPP's {@code maxPhysicalBytes=0} and quiets ND4J's start-up logging (see {@code CliLogging}).
 */
final class Nd4jRuntime {

    private Nd4jRuntime() { }

    private static final class Once {
        static {
            if (System.getenv("OMP_NUM_THREADS") == null) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                Nd4j.factory().blas().setMaxThreads(1);
            }
        }

        static void ensure() { }
    }

    static void init() {
        Once.ensure();
    }
}
