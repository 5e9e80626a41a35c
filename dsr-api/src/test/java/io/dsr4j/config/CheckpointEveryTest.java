package io.dsr4j.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointEveryTest {

    @Test
    void parsesIterationsAndDurations() {
        assertTrue(CheckpointEvery.parse(null).isOff());
        assertTrue(CheckpointEvery.parse(0L).isOff());
        assertEquals(CheckpointEvery.iterations(100), CheckpointEvery.parse(100L));
        assertEquals(CheckpointEvery.iterations(100), CheckpointEvery.parse("100"));
        assertEquals(CheckpointEvery.duration(Duration.ofSeconds(30)), CheckpointEvery.parse("30s"));
        assertEquals(CheckpointEvery.duration(Duration.ofMinutes(10)), CheckpointEvery.parse("10m"));
        assertEquals(CheckpointEvery.duration(Duration.ofMinutes(10)), CheckpointEvery.parse("10 min"));
        assertEquals(CheckpointEvery.duration(Duration.ofHours(1)), CheckpointEvery.parse("1h"));
        assertEquals(CheckpointEvery.duration(Duration.ofMinutes(90)), CheckpointEvery.parse("1.5h"));
        assertEquals(CheckpointEvery.duration(Duration.ofMillis(500)), CheckpointEvery.parse("500ms"));
        assertEquals(CheckpointEvery.duration(Duration.ofDays(2)), CheckpointEvery.parse("2d"));
        assertEquals(CheckpointEvery.duration(Duration.ofMinutes(10)), CheckpointEvery.parse("PT10M"));
    }

    @Test
    void rejectsWhatItCannotRead() {
        for (Object bad : new Object[]{-1L, 1.5, "soon", "10 minutes", "-5m", "0s", true, "PT-1M"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointEvery.parse(bad),
                    String.valueOf(bad));
            assertTrue(e.getMessage().contains("allowed: null (off), an iteration count"), e.getMessage());
        }
    }

    @Test
    void yamlValueParsesBack() {
        for (String s : new String[]{"100", "30s", "10m", "1h", "1.5h", "500ms", "2d", "90s"}) {
            CheckpointEvery c = CheckpointEvery.parse(s);
            assertEquals(c, CheckpointEvery.parse(c.toYamlValue()), s);
        }
        assertEquals(null, CheckpointEvery.OFF.toYamlValue());
    }
}
