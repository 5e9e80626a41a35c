package io.dsr4j.config;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.plugin.testplugins.Fakes;
import io.dsr4j.api.plugin.testplugins.TestCorePlugin;
import io.dsr4j.api.plugin.testplugins.TestTokensPlugin;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.token.TokenFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginRegistryTest {

    private static DsrPlugin plugin(String name, Module module) {
        return new DsrPlugin() {
            public String name() { return name; }
            public Module module() { return module; }
        };
    }

    @Test
    void findsPluginsOnTheClassPathWithServiceLoader() {
        PluginRegistry r = PluginRegistry.load(getClass().getClassLoader(), List.of());
        assertEquals(Set.of("test-tokens", "test-core"),
                Set.copyOf(r.plugins().stream().map(PluginRegistry.PluginInfo::name).toList()));
        assertEquals(List.of("add", "cos", "div", "exp", "log", "mul", "sin", "sub"), List.copyOf(r.tokens().keySet()));
        assertEquals(List.of("dl4j-lstm", "lstm"), List.copyOf(r.policies().keySet()));
        assertInstanceOf(Fakes.FakePolicyFactory.class, r.policies().get("lstm"), "linked bindings are instantiated");
        assertTrue(r.datasets().isEmpty(), "a kind nobody registers is an empty map");
        assertEquals(Set.of("inv_nrmse"), r.names(PluginKind.REWARD));
    }

    @Test
    void requireGivesTheFactoryOrAnExplainedError() {
        PluginRegistry r = PluginRegistry.of(List.of(new TestTokensPlugin(), new TestCorePlugin()));
        PolicyFactory lstm = r.require(PluginKind.POLICY, "lstm", Location.DEFAULTS, "policy.type");
        assertSame(r.policies().get("lstm"), lstm);
        ConfigException e = assertThrows(ConfigException.class,
                () -> r.require(PluginKind.POLICY, "lsmt", new Location("exp.yaml", 7, 9), "policy.type"));
        assertEquals("exp.yaml:7:9: key 'policy.type': unknown policy 'lsmt' (did you mean 'lstm'?); "
                + "available: dl4j-lstm, lstm", e.getMessage());
        ConfigException none = assertThrows(ConfigException.class,
                () -> PluginRegistry.of(List.of()).require(PluginKind.POLICY, "lstm", Location.DEFAULTS, "policy.type"));
        assertTrue(none.getMessage().contains("no plugin provides any policy"), none.getMessage());
    }

    @Test
    void sameNameFromTwoPluginsIsAnErrorNamingBoth() {
        DsrPlugin a = plugin("first", new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.tokens(binder()).addBinding("sinc").toInstance(Fakes.token("sinc", 1));
            }
        });
        DsrPlugin b = plugin("second", new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.tokens(binder()).addBinding("cosc").toInstance(Fakes.token("cosc", 1));
                PluginBinder.tokens(binder()).addBinding("sinc").toInstance(Fakes.token("sinc", 1));
            }
        });
        ConfigException e = assertThrows(ConfigException.class, () -> PluginRegistry.of(List.of(a, b)));
        assertTrue(e.getMessage().startsWith("two plugins register the token 'sinc': plugin 'first' ("), e.getMessage());
        assertTrue(e.getMessage().contains(") and plugin 'second' ("), e.getMessage());
        // the same name for different kinds is fine
        DsrPlugin c = plugin("third", new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.priors(binder()).addBinding("sinc").toInstance(Fakes.prior());
            }
        });
        PluginRegistry ok = PluginRegistry.of(List.of(a, c));
        assertEquals(Set.of("sinc"), ok.names(PluginKind.PRIOR));
    }

    @Test
    void describeListsClassSourceAndPlugin() {
        PluginRegistry r = PluginRegistry.of(List.of(new TestTokensPlugin(), new TestCorePlugin()));
        List<PluginRegistry.Registration> all = r.describe();
        PluginRegistry.Registration lstm = all.stream().filter(x -> x.kind() == PluginKind.POLICY && x.name().equals("lstm"))
                .findFirst().orElseThrow();
        assertEquals(Fakes.FakePolicyFactory.class.getName(), lstm.implementation());
        assertEquals("test-core", lstm.plugin());
        assertTrue(lstm.source().endsWith("test-classes"), lstm.source());
        PluginRegistry.Registration sin = all.stream().filter(x -> x.name().equals("sin")).findFirst().orElseThrow();
        assertEquals("test token sin", sin.description());
        assertEquals("test-tokens", sin.plugin());
        assertEquals(PluginKind.TOKEN, all.get(0).kind(), "ordered by kind, then name");
    }

    /** A real third-party plugin: compiled here from source, packed into a jar, found in a plugins/ directory. */
    @Test
    void loadsJarsFromAPluginsDirectory(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = plugins.resolve("extra-plugin.jar");
        buildPluginJar(tmp, jar, "extra.ExtraPlugin", """
                package extra;
                import com.google.inject.AbstractModule;
                import com.google.inject.Module;
                import io.dsr4j.api.plugin.DsrPlugin;
                import io.dsr4j.api.plugin.PluginBinder;
                import io.dsr4j.api.token.*;
                public final class ExtraPlugin implements DsrPlugin {
                    public String name() { return "extra"; }
                    public Module module() {
                        return new AbstractModule() {
                            @Override protected void configure() {
                                PluginBinder.tokens(binder()).addBinding("jar_tok").toInstance(new JarTokenFactory());
                            }
                        };
                    }
                    public static final class JarTokenFactory implements TokenFactory {
                        public Token create(boolean protectedMode) {
                            return new Token() {
                                public String name() { return "jar_tok"; }
                                public int arity() { return 1; }
                                public TokenKind kind() { return TokenKind.FUNCTION; }
                                public double complexity() { return 2; }
                            };
                        }
                    }
                }
                """);
        Files.writeString(plugins.resolve("notes.txt"), "not a jar, ignored");
        PluginRegistry r = PluginRegistry.load(getClass().getClassLoader(), List.of(plugins, tmp.resolve("missing")));
        assertTrue(r.tokens().containsKey("jar_tok"), r.tokens().keySet().toString());
        assertTrue(r.tokens().containsKey("sin"), "class-path plugins are still found");
        TokenFactory f = r.tokens().get("jar_tok");
        assertEquals("jar_tok", f.create(false).name());
        PluginRegistry.Registration reg = r.describe().stream().filter(x -> x.name().equals("jar_tok")).findFirst().orElseThrow();
        assertEquals(jar.toAbsolutePath().toString(), reg.source());
        assertEquals("extra", reg.plugin());
        assertEquals("extra.ExtraPlugin$JarTokenFactory", reg.implementation());

        String old = System.getProperty(PluginRegistry.PLUGINS_PROPERTY);
        try {
            System.setProperty(PluginRegistry.PLUGINS_PROPERTY, plugins + File.pathSeparator + tmp.resolve("nowhere"));
            assertTrue(PluginRegistry.load().tokens().containsKey("jar_tok"), "the launcher's system property works");
        } finally {
            if (old == null) System.clearProperty(PluginRegistry.PLUGINS_PROPERTY);
            else System.setProperty(PluginRegistry.PLUGINS_PROPERTY, old);
        }
    }

    @Test
    void aBrokenJarIsAConfigError(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plugins.resolve("broken.jar")))) {
            out.putNextEntry(new JarEntry("META-INF/services/io.dsr4j.api.plugin.DsrPlugin"));
            out.write("com.example.Missing\n".getBytes(StandardCharsets.UTF_8));
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> PluginRegistry.load(getClass().getClassLoader(), List.of(plugins)));
        assertTrue(e.getMessage().startsWith("cannot load a plugin: ") && e.getMessage().contains("com.example.Missing"),
                e.getMessage());
    }

    private static void buildPluginJar(Path tmp, Path jar, String className, String source) throws Exception {
        Path src = tmp.resolve("src/" + className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // Surefire runs tests from a manifest-only jar; it publishes the real class path in this property.
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, OutputStream.nullOutputStream(), err, "-classpath", cp, "-d", classes.toString(),
                "--release", "17", src.toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            out.putNextEntry(new JarEntry("META-INF/services/io.dsr4j.api.plugin.DsrPlugin"));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
            }
        }
    }
}
