package io.dsr4j.programs.complexity;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.reward.ComplexityMeasure;
import io.dsr4j.api.reward.ProgramInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/** Registers the reference's complexity measures (plugin kind "complexity", {@code training.complexity}). */
public final class BuiltinComplexityPlugin implements DsrPlugin {

    /** {@code token}: the sum of the tokens' complexities, a fitted poly counting its terms (DSO's default). */
    public static final ComplexityMeasure TOKEN = new TokenComplexity();

    /** {@code length}: the number of tokens. */
    public static final ComplexityMeasure LENGTH = new LengthComplexity();

    private static final class TokenComplexity implements ComplexityMeasure {
        @Override
        public double of(ProgramInfo program) { return program.complexity(); }

        @Override
        public String description() { return "sum of the tokens' complexities (a fitted poly: its number of terms)"; }

        @Override
        public String toString() { return "token"; }
    }

    private static final class LengthComplexity implements ComplexityMeasure {
        @Override
        public double of(ProgramInfo program) { return program.length(); }

        @Override
        public String description() { return "number of tokens"; }

        @Override
        public String toString() { return "length"; }
    }

    @Override
    public String name() { return "builtin-complexity"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                measures().forEach((name, m) -> PluginBinder.complexities(binder()).addBinding(name).toInstance(m));
            }
        };
    }

    /** The built-in measures by name. */
    public static Map<String, ComplexityMeasure> measures() {
        Map<String, ComplexityMeasure> m = new LinkedHashMap<>();
        m.put("token", TOKEN);
        m.put("length", LENGTH);
        return m;
    }
}
