package io.dsr4j.programs.prior;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.token.Library;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.dsr4j.programs.prior.PriorHarness.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstraintReplayTest {

    private final Library koza = TestLibraries.koza(1);
    private final PriorEnvironment env = PriorHarness.env(koza, map(
            "length", map("min_", 4, "max_", 8, "on", true),
            "trig", map("on", true),
            "inverse", map("on", true),
            "uniform_arity", map("on", true)));

    private ConstraintReplay.Result replay(String csv) {
        return ConstraintReplay.replay(env, ConstraintReplay.parse(koza, csv));
    }

    @Test
    void reportsWhichPriorsForbidEachToken() {
        ConstraintReplay.Result r = replay("sin,cos,exp,log,x1");
        assertFalse(r.allAllowed());
        assertTrue(r.complete());
        assertEquals(5, r.steps().size());
        ConstraintReplay.Step cos = r.steps().get(1);
        assertEquals("cos", cos.tokenName());
        assertEquals("sin", cos.parent());
        assertFalse(cos.allowed());
        assertEquals(List.of("trig"), cos.forbiddenBy());
        assertEquals(Double.NEGATIVE_INFINITY, cos.prior());
        ConstraintReplay.Step log = r.steps().get(3);
        assertEquals(List.of("inverse"), log.forbiddenBy());
        assertTrue(r.steps().get(0).allowed());
        assertEquals(-Math.log(4), r.steps().get(0).prior(), 1e-6);
        String table = r.format();
        assertTrue(table.contains("forbidden by"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("1 ") && l.contains("cos") && l.contains("NO") && l.endsWith("trig")), table);
        assertTrue(table.contains("2 of 5 tokens forbidden; complete program of 5 tokens"), table);
    }

    @Test
    void lengthViolationsNameTheLengthPrior() {
        ConstraintReplay.Result r = replay("add,x1,x1");
        assertEquals(List.of("length"), r.steps().get(2).forbiddenBy());
        assertTrue(r.steps().get(0).forbiddenBy().isEmpty());
        assertEquals(List.of("length"), replay("x1").steps().get(0).forbiddenBy());
    }

    @Test
    void validTraversal() {
        ConstraintReplay.Result r = replay("add,x1,mul,x1,x1");
        assertTrue(r.allAllowed());
        assertTrue(r.valid());
        assertEquals("complete program of 5 tokens", r.note());
        assertTrue(r.format().startsWith("pos"));
    }

    @Test
    void notesIncompleteAndTooLongTraversals() {
        ConstraintReplay.Result incomplete = replay("add,x1,mul");
        assertTrue(incomplete.allAllowed());
        assertFalse(incomplete.valid());
        assertTrue(incomplete.note().startsWith("incomplete: 2 open slot(s)"), incomplete.note());

        ConstraintReplay.Result extra = replay("add,x1,mul,x1,x1,x1,x1");
        assertEquals(5, extra.steps().size());
        assertEquals(2, extra.extraTokens());
        assertTrue(extra.note().contains("2 extra token(s) ignored"), extra.note());

        ConstraintReplay.Result tooLong = replay("add,add,add,add,add,add,add,add,add,x1");
        assertEquals(8, tooLong.steps().size());
        assertFalse(tooLong.allAllowed());
        assertTrue(tooLong.note().contains("too long: cut off at the max length 8"), tooLong.note());
    }

    @Test
    void unknownTokenNamesGetASuggestion() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConstraintReplay.parse(koza, "add,x1,sinn"));
        assertTrue(e.getMessage().contains("'sinn'") && e.getMessage().contains("did you mean 'sin'"), e.getMessage());
    }
}
