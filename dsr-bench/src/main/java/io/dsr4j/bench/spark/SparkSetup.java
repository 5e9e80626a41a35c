package io.dsr4j.bench.spark;

import io.dsr4j.api.config.ConfigException;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a grid job: what spark-submit passed (system properties {@code spark.*}), the master of
 * {@code --spark MASTER} if given, and defaults a grid needs unless the user set them.
 */
public final class SparkSetup {

    private SparkSetup() { }

    /**
     * @param master  {@code --spark}'s value, or null/blank for the master spark-submit was given
     * @param appName application name shown by the cluster
     */
    public static SparkConf conf(String master, String appName) {
        SparkConf conf = new SparkConf();   // loads spark.* system properties (set by spark-submit)
        if (master != null && !master.isBlank()) conf.setMaster(master);
        if (!conf.contains("spark.master")) {
            throw new ConfigException("--spark needs a master URL (local[N], spark://HOST:PORT, yarn, k8s://...) "
                    + "unless the command is started by spark-submit --master ...");
        }
        if (!conf.contains("spark.app.name")) conf.setAppName(appName);
        // Results stream back task by task, but Spark caps the total of a job's results (1 GB by default): a
        // paper-size grid's run folders together can exceed it.
        setIfAbsent(conf, "spark.driver.maxResultSize", "0");
        // ND4J's native code: small ops run several times slower with more OpenMP threads (as ./dsr sets it).
        setIfAbsent(conf, "spark.executorEnv.OMP_NUM_THREADS", "1");
        // Executors run the LSTM's Vector API kernel only with this module (./dsr adds it to its own JVM); without it
        // they fall back to the scalar kernel (same results, ~16 % slower sampling). Appended to the user's options.
        String opts = conf.get("spark.executor.extraJavaOptions", "");
        if (!opts.contains("jdk.incubator.vector")) {
            conf.set("spark.executor.extraJavaOptions", (opts + " --add-modules jdk.incubator.vector").strip());
        }
        // The driver prints one line per finished run; Spark's console progress bar would garble them.
        setIfAbsent(conf, "spark.ui.showConsoleProgress", "false");
        return conf;
    }

    private static void setIfAbsent(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) conf.set(key, value);
    }
}
