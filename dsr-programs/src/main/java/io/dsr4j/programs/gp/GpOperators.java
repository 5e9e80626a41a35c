package io.dsr4j.programs.gp;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.gp.GpOperatorContext;
import io.dsr4j.api.gp.GpOperatorFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The built-in GP operators by YAML name, and resolution of configured names through the registry. */
public final class GpOperators {

    private GpOperators() { }

    private record Factory(String description, java.util.function.Function<GpOperatorContext, GpOperator> make)
            implements GpOperatorFactory {
        @Override public GpOperator create(GpOperatorContext context) { return make.apply(context); }
    }

    /** Name → factory of the built-in operators. */
    public static Map<String, GpOperatorFactory> factories() {
        Map<String, GpOperatorFactory> m = new LinkedHashMap<>();
        m.put("one_point", new Factory("crossover: swap subtrees rooted at a random non-root node of each parent (cxOnePoint)",
                c -> new OnePointCrossover(c.library())));
        m.put("uniform", new Factory("mutation: replace a random subtree by a random full tree of height 0..mutate_tree_max (mutUniform)",
                c -> new UniformMutation(c.library(), c.maxTreeHeight())));
        m.put("node_replacement", new Factory("mutation: replace a random non-root node by a token of the same arity (mutNodeReplacement)",
                c -> new NodeReplacementMutation(c.library())));
        m.put("insert", new Factory("mutation: insert a random operator above a random node (mutInsert)",
                c -> new InsertMutation(c.library())));
        m.put("shrink", new Factory("mutation: replace a random non-root operator by one of its arguments (mutShrink)",
                c -> new ShrinkMutation(c.library())));
        return m;
    }

    /** The operator registered as {@code name}, checked to take {@code parents} parents. */
    public static GpOperator resolve(Map<String, GpOperatorFactory> registered, String name, int parents,
                                     GpOperatorContext context, Params section, String key) {
        GpOperatorFactory f = registered.get(name);
        if (f == null) {
            throw section.error(key, "unknown gp operator '" + name + "'" + Suggestions.hint(name, registered.keySet())
                    + "; available: " + String.join(", ", new TreeSet<>(registered.keySet())));
        }
        GpOperator op = f.create(context);
        if (op.parents() != parents) {
            throw section.error(key, "gp operator '" + name + "' takes " + op.parents() + " parent(s), but "
                    + (parents == 2 ? "a crossover takes 2" : "a mutation takes 1"));
        }
        return op;
    }

    /** The mutation operators named in {@code names}. */
    public static List<GpOperator> mutations(Map<String, GpOperatorFactory> registered, List<String> names,
                                             GpOperatorContext context, Params section, String key) {
        if (names.isEmpty()) throw section.error(key, "name at least one mutation operator, e.g. " + GpVariationSettings.DEFAULT_MUTATIONS);
        List<GpOperator> out = new ArrayList<>();
        for (String n : names) out.add(resolve(registered, n, 1, context, section, key));
        return out;
    }

}
