package io.dsr4j.train.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IterationLogTest {

    private static final String OLD_HEADER = IterationStats.HEADER.substring(0, IterationStats.HEADER.lastIndexOf(','));

    private static IterationStats row(long it) {
        return new IterationStats(it, 0.5, 0.5, 0.25, 0.4, 10, 12, 100, 5, 90, 4, 1.5, 1.2, 0.1, 0.0, 0.3, 0.01,
                1000, 1e5, 0.35);
    }

    private static String oldRow(long it) {
        // the row as the version before the quantile column wrote it
        String r = row(it).csv();
        return r.substring(0, r.lastIndexOf(','));
    }

    @Test
    void resumingAFileWrittenBeforeTheQuantileColumnWidensItsHeaderAndRows(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("iterations.csv");
        Files.writeString(f, OLD_HEADER + "\n" + oldRow(1) + "\n" + oldRow(2) + "\n" + oldRow(3) + "\n");
        try (IterationLog log = new IterationLog(f, 1, 2)) {   // checkpoint after iteration 2
            log.append(row(3));
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals(IterationStats.HEADER, lines.get(0));
        assertEquals(4, lines.size(), "header + iterations 1, 2 (kept) + 3 (appended)");
        int width = IterationStats.HEADER.split(",", -1).length;
        for (String l : lines) assertEquals(width, l.split(",", -1).length, l);
        assertEquals(oldRow(1) + ",", lines.get(1), "old rows keep their values, the new column is empty");
        assertEquals(row(3).csv(), lines.get(3));
    }

    @Test
    void resumingACurrentFileKeepsItsRowsAsWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("iterations.csv");
        try (IterationLog log = new IterationLog(f, 1, 0)) {
            log.append(row(1));
            log.append(row(2));
        }
        try (IterationLog log = new IterationLog(f, 1, 1)) {
            log.append(row(2));
        }
        assertEquals(List.of(IterationStats.HEADER, row(1).csv(), row(2).csv()), Files.readAllLines(f));
    }

    @Test
    void aHeaderThatIsNotAnOlderVersionsIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("iterations.csv");
        String text = "step,loss\n1,0.5\n";
        Files.writeString(f, text);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new IterationLog(f, 1, 1));
        assertTrue(e.getMessage().contains("iterations.csv"), e.getMessage());
        assertEquals(text, Files.readString(f), "nothing written is lost");
    }
}
