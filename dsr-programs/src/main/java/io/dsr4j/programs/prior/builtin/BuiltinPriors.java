package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.settings.Settings;

import java.util.LinkedHashMap;
import java.util.Map;

/** The reference's priors under their YAML names. */
public final class BuiltinPriors {

    private BuiltinPriors() { }

    /** Name → factory, in the reference's documentation order. */
    public static Map<String, PriorFactory> factories() {
        Map<String, PriorFactory> m = new LinkedHashMap<>();
        m.put("length", new BuiltinPriorFactory("hard: min_/max_ program length (first token never a terminal)",
                LengthConstraint.SETTINGS,
                LengthConstraint::fromConfig, LengthConstraint::maxFromConfig));
        m.put("repeat", new BuiltinPriorFactory("hard: tokens (combined) occur at most max_ times", RepeatConstraint.SETTINGS,
                RepeatConstraint::fromConfig));
        m.put("inverse", new BuiltinPriorFactory("hard: no token directly under its inverse (exp/log, inv, neg, sqrt/n2)",
                Settings.NONE,
                InverseConstraint::fromConfig));
        m.put("trig", new BuiltinPriorFactory("hard: no trig token below a trig token", Settings.NONE,
                RelationalConstraint::trig));
        m.put("const", new BuiltinPriorFactory("hard: const is never the only unique child of an operator", Settings.NONE,
                RelationalConstraint::constant));
        m.put("no_inputs", new BuiltinPriorFactory("hard: every program contains an input variable", Settings.NONE,
                NoInputsConstraint::fromConfig));
        m.put("uniform_arity", new BuiltinPriorFactory("soft: uniform over arities instead of tokens", Settings.NONE,
                UniformArityPrior::fromConfig));
        m.put("soft_length", new BuiltinPriorFactory("soft: Gaussian-shaped preference for length loc (scale = variance)",
                SoftLengthPrior.SETTINGS,
                SoftLengthPrior::fromConfig));
        m.put("relational", new BuiltinPriorFactory(
                "hard: targets cannot be the child/descendant/sibling/uchild/lchild/rchild of effectors",
                RelationalConstraint.SETTINGS,
                RelationalConstraint::fromConfig));
        m.put("domain_range", new BuiltinPriorFactory("hard: token ranges/domains must fit the training data", Settings.NONE,
                DomainRangeConstraint::fromConfig));
        return m;
    }
}
