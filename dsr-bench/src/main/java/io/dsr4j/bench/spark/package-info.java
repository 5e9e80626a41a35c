/**
 * Running a grid's runs as Apache Spark tasks ({@code dsr bench GRID --spark MASTER}, or {@code spark-submit}). The
 * driver is the ordinary {@link io.dsr4j.bench.GridRunner} (lock, resume, settings guard, results file, tables) with
 * {@link io.dsr4j.bench.spark.SparkDispatcher} in place of the thread pool; executors train one run per task in a
 * scratch folder and send its files back, so no filesystem is shared. Spark is a {@code provided} dependency: only
 * this package uses it, and its classes load only when Spark mode is chosen.
 */
package io.dsr4j.bench.spark;
