package io.dsr4j.programs.token;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.TokenFactory;
import io.dsr4j.api.token.TokenKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryBuilderTest {

    static final Map<String, TokenFactory> F = BuiltinTokensPlugin.factories();

    @Test
    void inputsFirstThenFunctionSetInOrder() {
        Library lib = LibraryBuilder.build(2, List.of("add", "sin", "1", "const", "pi", "e", "-2.5", "max"), false, F);
        assertEquals(List.of("x1", "x2", "add", "sin", "1.0", "const", "3.1415927", "2.7182817", "-2.5", "max"), lib.names());
        assertEquals(TokenKind.INPUT, lib.token(1).kind());
        assertEquals(1, lib.token(1).inputIndex());
        assertEquals(TokenKind.CONSTANT, lib.token(4).kind());
        assertEquals(1.0, lib.token(4).value());
        assertEquals(Math.PI, lib.token(6).value());
        assertEquals(Math.E, lib.token(7).value());
        assertEquals(TokenKind.PLACEHOLDER, lib.token(5).kind());
        assertEquals(5, lib.constToken());
        assertEquals(2, lib.arity(9)); // max is binary (the reference's is broken, arity 1)
        assertArrayEquals(new int[] {4, 5, 6, 7, 8}, lib.floatTokens());
    }

    @Test
    void protectedModeSelectsProtectedVariantsUnderThePlainName() {
        Library lib = LibraryBuilder.build(1, List.of("div", "log", "add", "protected_exp", "sigmoid"), true, F);
        assertEquals(List.of("x1", "div", "log", "add", "exp", "sigmoid"), lib.names());
        assertEquals(Kernels.PDIV, ((BuiltinFunction) lib.token(1)).opcode());
        assertEquals(Kernels.PLOG, ((BuiltinFunction) lib.token(2)).opcode());
        assertEquals(Kernels.ADD, ((BuiltinFunction) lib.token(3)).opcode());
        assertEquals(Kernels.PEXP, ((BuiltinFunction) lib.token(4)).opcode());
        Library plain = LibraryBuilder.build(1, List.of("protected_log", "div"), false, F);
        assertEquals(Kernels.PLOG, ((BuiltinFunction) plain.token(1)).opcode());
        assertEquals(Kernels.DIV, ((BuiltinFunction) plain.token(2)).opcode());
        Library la = LibraryBuilder.build(1, List.of("logabs"), true, F);
        assertEquals(Kernels.PLOG, ((BuiltinFunction) la.token(1)).opcode());
    }

    @Test
    void unknownNameListsAvailableTokensWithSuggestion() {
        ConfigException e = assertThrows(ConfigException.class, () -> LibraryBuilder.build(1, List.of("add", "sinn"), false, F));
        assertTrue(e.getMessage().contains("'sinn'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'sin'"), e.getMessage());
        assertTrue(e.getMessage().contains("sigmoid"), e.getMessage());
        assertThrows(ConfigException.class, () -> LibraryBuilder.build(1, List.of("NaN"), false, F));
        assertThrows(ConfigException.class, () -> LibraryBuilder.build(1, List.of("1e999"), false, F));
    }

    @Test
    void duplicatesAreReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> LibraryBuilder.build(1, List.of("1", "1.0"), false, F));
        assertTrue(e.getMessage().contains("'1.0'"), e.getMessage());
        assertThrows(ConfigException.class, () -> LibraryBuilder.build(1, List.of("sin", "sin"), false, F));
    }

    @Test
    void factsOfBuiltins() {
        Library lib = LibraryBuilder.build(1, List.of("add", "sub", "mul", "div", "sin", "cos", "tan", "exp", "log", "sqrt",
                "n2", "n3", "n4", "neg", "abs", "inv", "tanh", "logabs", "expneg", "sigmoid", "harmonic", "max", "min"), false, F);
        assertArrayEquals(new int[] {lib.indexOf("sin"), lib.indexOf("cos"), lib.indexOf("tan")}, lib.trigTokens());
        assertEquals(lib.indexOf("log"), lib.inverseOf(lib.indexOf("exp")));
        assertEquals(lib.indexOf("exp"), lib.inverseOf(lib.indexOf("log")));
        assertEquals(lib.indexOf("n2"), lib.inverseOf(lib.indexOf("sqrt")));
        assertEquals(lib.indexOf("sqrt"), lib.inverseOf(lib.indexOf("n2")));
        assertEquals(lib.indexOf("inv"), lib.inverseOf(lib.indexOf("inv")));
        assertEquals(lib.indexOf("neg"), lib.inverseOf(lib.indexOf("neg")));
        int inverses = 0;
        for (int i = 0; i < lib.size(); i++) if (lib.inverseOf(i) >= 0) inverses++;
        assertEquals(6, inverses);
        var log = lib.token(lib.indexOf("log")).facts();
        assertTrue(log.domainOpen());
        assertEquals(0.0, log.domainLo());
        assertEquals(-1.0, lib.token(lib.indexOf("cos")).facts().rangeLo());
        assertEquals(0.0, lib.token(lib.indexOf("n4")).facts().rangeLo());
        assertFalse(lib.token(lib.indexOf("n3")).facts().hasRestrictedRange());
        assertEquals("/", lib.token(lib.indexOf("div")).facts().operator());
        double[] expected = {1, 1, 1, 2, 3, 3, 4, 4, 4, 4, 2, 3, 3, 1, 2, 2, 4, 4, 4, 4, 4, 4, 4};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], lib.token(i + 1).complexity(), lib.name(i + 1));
    }

    @Test
    void pluginRegistersEveryBuiltinThroughServiceLoaderAndGuice() {
        DsrPlugin plugin = ServiceLoader.load(DsrPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof BuiltinTokensPlugin).findFirst().orElseThrow();
        Injector injector = Guice.createInjector(plugin.module());
        Map<String, TokenFactory> map = injector.getInstance(Key.get(new TypeLiteral<Map<String, TokenFactory>>() { }));
        assertEquals(Builtin.values().length + 1, map.size(), "every built-in function and poly");
        assertEquals("poly", map.get("poly").create(false).name());
        assertInstanceOf(BuiltinFunction.class, map.get("harmonic").create(false));
        assertEquals("div", map.get("div").create(true).name());
    }
}
