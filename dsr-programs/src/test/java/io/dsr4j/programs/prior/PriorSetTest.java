package io.dsr4j.programs.prior;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.token.Library;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.PriorSection;
import io.dsr4j.programs.prior.builtin.BuiltinPriors;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.dsr4j.programs.prior.PriorHarness.assertInvalid;
import static io.dsr4j.programs.prior.PriorHarness.assertValid;
import static io.dsr4j.programs.prior.PriorHarness.build;
import static io.dsr4j.programs.prior.PriorHarness.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorSetTest {

    private final Library koza = TestLibraries.koza(1);
    private final Library ckoza = TestLibraries.kozaConst(1);

    private static List<String> names(PriorSet set) {
        return set.entries().stream().map(PriorSet.Entry::name).toList();
    }

    private ConfigException fails(Library lib, Map<String, ?> section) {
        return assertThrows(ConfigException.class, () -> build(lib, null, 64, section));
    }

    private static void assertMentions(ConfigException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
    }

    @Test
    void unknownPriorNameIsReportedWithLocationAndSuggestion() {
        ConfigException e = fails(koza, map("trigg", map("on", true)));
        assertMentions(e, "test.yaml:7:3", "prior.trigg", "unknown prior", "did you mean 'trig'", "available priors:",
                "domain_range", "soft_length");
    }

    @Test
    void unknownPriorNameIsReportedEvenWhenOff() {
        assertMentions(fails(koza, map("lenght", map("on", false))), "did you mean 'length'");
    }

    @Test
    void countConstraintsGetsAnExplanation() {
        assertMentions(fails(koza, map("count_constraints", true)), "count_constraints", "not supported");
    }

    @Test
    void unknownKeyInsideAPriorIsReported() {
        ConfigException e = fails(koza, map("length", map("on", true, "max", 10, "min_", 4)));
        assertMentions(e, "prior.length.max", "unknown key", "did you mean 'max_'");
    }

    @Test
    void malformedEntries() {
        assertMentions(fails(koza, map("trig", 3)), "prior.trig", "expected a mapping");
        assertMentions(fails(koza, map("relational", List.of(map("on", true), "x"))), "prior.relational[1]", "expected a mapping");
    }

    @Test
    void userEntriesAreOnUnlessTheySayOff() {
        PriorSet set = build(koza, null, 64, map(
                "trig", map("on", false),
                "soft_length", map("on", false, "loc", 3, "scale", 2), // keys of a disabled entry are fine
                "inverse", map(), // written by the user without 'on': on (the reference would leave it off)
                "const", false, // shorthand for {on: false}
                "uniform_arity", map("on", true)));
        assertEquals(List.of("inverse", "uniform_arity"), names(set));
    }

    @Test
    void keepsTheOrderOfTheSection() {
        PriorSet set = build(koza, null, 64, map(
                "uniform_arity", map("on", true), "trig", map("on", true), "length", map("on", true, "min_", 4, "max_", 30)));
        assertEquals(List.of("uniform_arity", "trig", "length"), names(set));
    }

    @Test
    void relationalAcceptsAListOfMappings() {
        PriorSet set = build(koza, null, 64, map("relational", List.of(
                map("on", true, "targets", "sin", "effectors", "exp", "relationship", "child"),
                map("on", false, "targets", "cos", "effectors", "exp", "relationship", "child"),
                map("on", true, "targets", "x1", "effectors", "sub,div", "relationship", "uchild"))));
        assertEquals(List.of("relational[0]", "relational[2]"), names(set));
        PriorEnvironment env = set.environment();
        assertInvalid(env, "exp,sin,x1", "sub,x1,x1");
        assertValid(env, "exp,cos,x1", "add,x1,x1");
    }

    @Test
    void lengthMaxOverridesPolicyMaxLengthAndReachesEveryFactory() {
        List<Integer> seen = new ArrayList<>();
        Map<String, PriorFactory> factories = new LinkedHashMap<>(BuiltinPriors.factories());
        factories.put("probe", (PriorContext ctx, Params p) -> {
            seen.add(ctx.maxLength());
            return Optional.empty();
        });
        // probe comes before length in the section: every factory is asked for its max length first.
        PriorSet set = PriorSet.build(PriorHarness.userSection(map("probe", map("on", true),
                "length", map("on", true, "min_", 4, "max_", 20))), factories, koza, null, 64);
        assertEquals(20, set.maxLength());
        assertEquals(20, set.environment().maxLength());
        assertEquals(List.of(20), seen);
        assertEquals(4, set.minLength().orElseThrow());

        PriorSet noMax = build(koza, null, 64, map("length", map("on", true, "min_", 4, "max_", null)));
        assertEquals(64, noMax.maxLength());
        PriorSet off = build(koza, null, 48, map("length", map("on", false, "max_", 20)));
        assertEquals(48, off.maxLength());
    }

    @Test
    void anyPriorCanSetTheMaxLengthNotOnlyTheOneNamedLength() {
        List<Integer> seen = new ArrayList<>();
        Map<String, PriorFactory> factories = new LinkedHashMap<>(BuiltinPriors.factories());
        factories.put("probe", (PriorContext ctx, Params p) -> {
            seen.add(ctx.maxLength());
            return Optional.empty();
        });
        factories.put("my_length", new PriorFactory() {
            @Override
            public Optional<Prior> create(PriorContext context, Params params) {
                params.getInt("cap", 0);
                seen.add(context.maxLength());
                return Optional.empty();
            }

            @Override
            public OptionalInt setsMaxLength(Params params) { return OptionalInt.of(params.getInt("cap", 0)); }
        });
        // a plugin prior, listed after the one that reads the length, replaces policy.max_length (upwards too)
        PriorSet set = PriorSet.build(PriorHarness.userSection(map("probe", map("on", true),
                "my_length", map("on", true, "cap", 80))), factories, koza, null, 64);
        assertEquals(80, set.maxLength());
        assertEquals(List.of(80, 80), seen);
        // with the built-in length prior too, the smaller wins
        seen.clear();
        set = PriorSet.build(PriorHarness.userSection(map("my_length", map("on", true, "cap", 80),
                "length", map("on", true, "max_", 30))), factories, koza, null, 64);
        assertEquals(30, set.maxLength());
        assertEquals(List.of(30), seen);
    }

    @Test
    void lengthMaxIsLimitedLikePolicyMaxLength() {
        ConfigException e = fails(koza, map("length", map("on", true, "max_", 20_000)));
        assertMentions(e, "prior.length.max_", "10000");
    }

    @Test
    void userWrittenTokenNotInLibraryIsAnError() {
        ConfigException e = fails(koza, map("repeat", map("on", true, "tokens", "sinn", "max_", 2)));
        assertMentions(e, "test.yaml:7:3", "prior.repeat.tokens", "'sinn'", "did you mean 'sin'");
    }

    @Test
    void userWrittenConstWithoutConstInTheLibrarySkipsThePrior() {
        // One configuration serves function sets with and without const (configs/paper/base).
        PriorSet set = build(koza, null, 64, map("repeat", map("on", true, "tokens", "const", "max_", 3)));
        assertTrue(set.entries().isEmpty());
    }

    @Test
    void defaultTokenNotInLibraryDropsThePrior() {
        LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
        entries.put("on", new ConfigNode.ScalarNode(true, PriorHarness.USER));
        entries.put("tokens", new ConfigNode.ScalarNode("const", Location.DEFAULTS));
        entries.put("max_", new ConfigNode.ScalarNode(3L, Location.DEFAULTS));
        LinkedHashMap<String, ConfigNode> section = new LinkedHashMap<>();
        section.put("repeat", new ConfigNode.MapNode(entries, PriorHarness.USER));
        PriorSet set = PriorSet.build(new Params("prior", new ConfigNode.MapNode(section, PriorHarness.USER)),
                BuiltinPriors.factories(), koza, null, 64);
        assertEquals(List.of(), names(set));
    }

    @Test
    void validationErrorsNameTheKey() {
        assertMentions(fails(koza, map("relational", map("on", true, "targets", "sin", "effectors", "x1", "relationship", "child"))),
                "prior.relational.effectors", "'x1' is a terminal");
        assertMentions(fails(koza, map("relational", map("on", true, "targets", "sin,cos", "effectors", "exp", "relationship", "uchild"))),
                "prior.relational.targets", "exactly one target");
        assertMentions(fails(koza, map("relational", map("on", true, "targets", "sin", "effectors", "exp", "relationship", "childe"))),
                "prior.relational.relationship", "did you mean 'child'");
        assertMentions(fails(koza, map("relational", map("on", true, "targets", "sin", "relationship", "child"))),
                "prior.relational.effectors", "required");
        assertMentions(fails(koza, map("relational", map("on", true, "targets", List.of(), "effectors", "exp", "relationship", "child"))),
                "prior.relational.targets", "empty");
        assertMentions(fails(koza, map("repeat", map("on", true, "tokens", "sin", "min_", 1, "max_", 2))),
                "prior.repeat.min_", "not supported");
        assertMentions(fails(koza, map("repeat", map("on", true, "tokens", "sin"))), "prior.repeat.max_", "required");
        assertMentions(fails(koza, map("length", map("on", true, "min_", null, "max_", null))), "prior.length", "both are null");
        assertMentions(fails(koza, map("length", map("on", true, "min_", 10, "max_", 5))), "prior.length.min_", "larger than");
        assertMentions(fails(koza, map("length", map("on", true, "max_", 1))), "prior.length.max_", "too small");
        assertMentions(fails(koza, map("soft_length", map("on", true, "loc", 10, "scale", 0))), "prior.soft_length.scale");
        assertMentions(fails(koza, map("soft_length", map("on", true, "scale", 5))), "prior.soft_length.loc", "required");
        assertMentions(fails(koza, map("domain_range", map("on", true))), "prior.domain_range", "training data");
    }

    @Test
    void priorsThatConstrainNothingAreDropped() {
        Library plain = TestLibraries.of(1, "add", "mul", "exp");
        PriorSet set = build(plain, PriorConformanceTest.nguyen1(1), 64, map(
                "trig", map("on", true), "inverse", map("on", true), "const", map("on", true),
                "no_inputs", map("on", true), "uniform_arity", map("on", true)));
        assertEquals(List.of("uniform_arity"), names(set));
    }

    /**
     * The built-in defaults' prior section (which priors are on, from dsr-api's defaults.yaml) as the config loader
     * presents it; each prior's keys come from its declared settings.
     */
    private static List<PriorSection> defaultsPriorSection() {
        return ConfigLoader.load(null, List.of()).priors();
    }

    @Test
    void builtInDefaultsBuildTheReferenceRegressionPriors() throws Exception {
        PriorSet withConst = PriorSet.build(defaultsPriorSection(), BuiltinPriors.factories(), ckoza, null, 64);
        assertEquals(List.of("length", "repeat", "inverse", "trig", "const", "no_inputs", "uniform_arity", "soft_length"),
                names(withConst));
        assertEquals(64, withConst.maxLength());
        // Without const: repeat (tokens: const, from the defaults) is dropped, const and no_inputs constrain nothing.
        PriorSet noConst = PriorSet.build(defaultsPriorSection(), BuiltinPriors.factories(), koza, null, 64);
        assertEquals(List.of("length", "inverse", "trig", "uniform_arity", "soft_length"), names(noConst));
        List<Prior> hard = noConst.entries().stream().map(PriorSet.Entry::prior).filter(Prior::isHard).toList();
        assertEquals(3, hard.size());
    }
}
