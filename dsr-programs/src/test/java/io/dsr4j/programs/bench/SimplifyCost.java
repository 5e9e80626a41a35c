package io.dsr4j.programs.bench;

import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cost of simplification with Symja: one-time start-up (first call in a fresh JVM), then per expression on real halls
 * of fame (the 1000 expressions of 10 Nguyen-1 runs, {@code nguyen1-hof-traversals.txt}): seeds 0-4 warm up, the
 * distinct expressions of seeds 5-9 not seen before are measured. A one-shot measurement, so a plain main rather than
 * JMH; run it in a fresh JVM on a quiet machine, with the test classpath as for {@link BenchMain}:
 * {@code java -cp ... io.dsr4j.programs.bench.SimplifyCost [child]}; with {@code child}, Symja runs in a child JVM
 * ({@link SymbolicMath#createInChildProcess()}) and its memory (peak and current RSS) is printed as well.
 */
public final class SimplifyCost {

    private SimplifyCost() { }

    public static void main(String[] args) throws Exception {
        Map<Integer, List<String>> bySeed = new HashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                SimplifyCost.class.getResourceAsStream("nguyen1-hof-traversals.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t");
                bySeed.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(f[1]);
            }
        }
        Duration limit = Duration.ofSeconds(30);
        Simplified.RawForms raw = new Simplified.RawForms("", "", "");
        long t0 = System.nanoTime();
        boolean child = args.length > 0 && args[0].equals("child");
        try (SymbolicMath math = child ? SymbolicMath.createInChildProcess() : SymbolicMath.create()) {
            math.simplify(SymbolicProgram.parse("add,x1,x1", false), raw, null, limit);
            double startup = (System.nanoTime() - t0) / 1e6;
            Set<String> seen = new LinkedHashSet<>();
            long w0 = System.nanoTime();
            for (int s = 0; s < 5; s++) {
                for (String t : bySeed.get(s)) if (seen.add(t)) math.simplify(SymbolicProgram.parse(t, false), raw, null, limit);
            }
            double warm = (System.nanoTime() - w0) / 1e6;
            List<Double> ms = new ArrayList<>();
            int timeouts = 0;
            for (int s = 5; s < 10; s++) {
                for (String t : bySeed.get(s)) {
                    if (!seen.add(t)) continue;
                    long a = System.nanoTime();
                    Simplified r = math.simplify(SymbolicProgram.parse(t, false), raw, null, limit);
                    ms.add((System.nanoTime() - a) / 1e6);
                    if (r.status() != Simplified.Status.SIMPLIFIED) timeouts++;
                }
            }
            double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double sum = Arrays.stream(v).sum();
            System.out.printf("start-up (first call in this JVM): %.0f ms%n", startup);
            System.out.printf("warm-up: %d expressions in %.0f ms (%.1f ms each)%n", seen.size() - v.length, warm,
                    warm / (seen.size() - v.length));
            System.out.printf("measured: %d new expressions, median %.2f ms, mean %.2f ms, p90 %.2f ms, max %.1f ms, "
                            + "not simplified %d; a 100-expression hall of fame ≈ %.2f s%n", v.length, v[v.length / 2],
                    sum / v.length, v[(int) (v.length * 0.9)], v[v.length - 1], timeouts, sum / v.length * 100 / 1000);
            if (child) {
                ProcessHandle.current().children().forEach(p -> {
                    try {
                        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + p.pid() + "/status"))) {
                            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) System.out.println("child " + line);
                        }
                    } catch (java.io.IOException e) {
                        System.out.println("child memory unknown: " + e);
                    }
                });
            }
        }
    }
}
