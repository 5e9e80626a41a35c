package io.dsr4j.train;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.token.Library;
import io.dsr4j.config.DsrConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks for what a run could otherwise only fail on later, after minutes of work or with an obscure error: thread
 * counts, a function set without any operator, and the memory a batch needs. {@link #check(DsrConfig)} needs only
 * the configuration; {@link #check(Experiment, int, long)} the built experiment (library, maximum length).
 */
public final class RunLimits {

    /** More reward threads than this is a typo, not a machine (and beyond 65535 the thread barrier cannot exist). */
    public static final int MAX_THREADS = 1024;

    private RunLimits() { }

    /** Checks that need the configuration only. */
    public static void check(DsrConfig config) {
        int threads = config.training().nThreads();
        if (threads > MAX_THREADS) {
            throw ConfigException.at(at(config, "training.n_threads"), "training.n_threads", "found " + threads
                    + "; allowed: an integer from 1 to " + MAX_THREADS + " (the reward threads of one seed; this "
                    + "machine has " + Runtime.getRuntime().availableProcessors() + " cores)");
        }
    }

    /**
     * Checks a built experiment: the library has an operator, and one batch fits in memory.
     *
     * @param concurrentSeeds seeds that run at once in this JVM (each holds its own batch)
     * @param maxHeap         the heap available, in bytes ({@code Runtime.getRuntime().maxMemory()})
     * @return warnings (e.g. a batch that takes more than half the heap); empty when all is well
     * @throws ConfigException when the run cannot work
     */
    public static List<String> check(Experiment exp, int concurrentSeeds, long maxHeap) {
        DsrConfig config = exp.config();
        check(config);
        Library lib = exp.library();
        boolean operator = false;
        // poly (uDSR) is a whole fitted polynomial in one token: a program of it alone is meaningful
        for (int i = 0; i < lib.size(); i++) operator |= lib.arity(i) > 0 || lib.name(i).equals("poly");
        if (!operator) {
            throw ConfigException.at(at(config, "task.function_set"), "task.function_set", "the library " + lib.names()
                    + " has no operator: every expression would be a single input or constant, which no prior allows; "
                    + "add at least one function such as add, mul or sin");
        }
        long batch = config.training().batchSize();
        long maxLength = exp.priors().maxLength();
        long cells = batch * maxLength * lib.size();
        String what = "training.batch_size " + batch + " x max length " + maxLength + " x " + lib.size() + " tokens ("
                + lib.inputCount() + " of them inputs, one per data column)";
        if (cells > Integer.MAX_VALUE - 16) {
            throw ConfigException.at(at(config, "training.batch_size"), "training.batch_size", what + " = " + cells
                    + " prior cells per batch, more than one Java array holds (" + (Integer.MAX_VALUE - 16)
                    + "); lower training.batch_size (e.g. 1000, DSO's default) or the maximum length");
        }
        long bytes = batchBytes(batch, maxLength, lib.size()) * Math.max(1, concurrentSeeds);
        String estimate = String.format(Locale.ROOT, "%s needs about %s per batch%s, and Java may use %s", what,
                mb(bytes), concurrentSeeds > 1 ? " for " + concurrentSeeds + " seeds at once" : "", mb(maxHeap));
        if (bytes > maxHeap) {
            throw ConfigException.at(at(config, "training.batch_size"), "training.batch_size", estimate
                    + "; lower training.batch_size (e.g. 1000, DSO's default), the maximum length"
                    + (concurrentSeeds > 1 ? " or --parallel" : "") + ", or give Java more memory (JAVA_OPTS=-Xmx...)");
        }
        List<String> warnings = new ArrayList<>();
        if (bytes > maxHeap / 2) warnings.add(estimate + ": the run may run out of memory");
        return warnings;
    }

    /**
     * Memory of one sampled batch: the policy records per position the action, parent, sibling and dangling counts
     * (4 ints) and the prior over the library (one float per token), and holds them about three times over while
     * sampling (recording, the batch, the estimator's copy); plus ~256 bytes per sampled program.
     */
    static long batchBytes(long batch, long maxLength, int librarySize) {
        return 3 * batch * maxLength * (16 + 4L * librarySize) + 256 * batch;
    }

    private static String mb(long bytes) {
        return bytes >= 10L << 30 ? String.format(Locale.ROOT, "%.0f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }

    private static Location at(DsrConfig config, String key) {
        Location at = config.locationOf(key);
        return at == null ? Location.DEFAULTS : at;
    }
}
