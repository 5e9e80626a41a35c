package io.dsr4j.train.run;

import io.dsr4j.config.DsrConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end with the default (DSO regression) settings: Nguyen-1 is recovered exactly. */
class NguyenRecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void recoversNguyen1WithDefaultSettings() throws Exception {
        DsrConfig c = config(300_000, 1000, Map.of());
        List<RunResult> r = runner().start(c, ExperimentRunner.newRunDirectory(tmp, "n1"), List.of(0L, 1L, 2L), 2);
        long ok = r.stream().filter(RunResult::success).count();
        // The reference recovers Nguyen-1 in 10/10 seeds (median 58 iterations); allow one miss in three.
        assertTrue(ok >= 2, "recovered " + ok + "/3: " + r);
        for (RunResult x : r) if (x.success()) assertTrue(x.nmseTestNoiseless() < 1e-12);
    }
}
