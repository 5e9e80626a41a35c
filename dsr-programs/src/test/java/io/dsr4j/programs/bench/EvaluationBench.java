package io.dsr4j.programs.bench;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;
import io.dsr4j.programs.eval.CompiledProgram;
import io.dsr4j.programs.eval.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Raw evaluation throughput of compiled programs (a DSR-like batch of 1000 random Koza programs) on 20 and 1000
 * rows. Score = time per program; expression-points/s = rows / score. Also the cost of compiling.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseSerialGC"})
public class EvaluationBench {

    static final int PROGRAMS = 1000;

    @Param({"20", "1000"})
    int rows;

    Library lib;
    Dataset data;
    int[][] batch;
    CompiledProgram[] compiled;
    Workspace ws;

    @Setup(Level.Trial)
    public void setup() {
        lib = BenchData.koza();
        data = BenchData.nguyen1(rows, 1);
        batch = BenchData.batch(lib, PROGRAMS, 2);
        compiled = new CompiledProgram[PROGRAMS];
        for (int i = 0; i < PROGRAMS; i++) compiled[i] = CompiledProgram.compile(batch[i], lib);
        ws = new Workspace(rows, 32);
    }

    /** Per program: evaluate all rows (no compile). */
    @Benchmark
    @OperationsPerInvocation(PROGRAMS)
    public void evaluate(Blackhole bh) {
        double[][] x = data.xTrain();
        for (CompiledProgram p : compiled) bh.consume(p.evaluate(x, rows, null, ws));
    }

    /** Per program: compile a traversal. */
    @Benchmark
    @OperationsPerInvocation(PROGRAMS)
    public void compile(Blackhole bh) {
        for (int[] t : batch) bh.consume(CompiledProgram.compile(t, lib));
    }
}
