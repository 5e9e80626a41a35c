package io.dsr4j.bench.spark;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A third-party plugin with a bug: its estimator {@code broken} passes every configuration check but throws on its
 * first update, so each run that uses it fails while training. Not registered on the test class path: tests package
 * it into a plugin jar with {@link #writeJar}, as a user would ship it.
 */
public final class BrokenEstimatorPlugin implements DsrPlugin {

    static final String ESTIMATOR = "broken";
    static final String MESSAGE = "broken plugin: update() is not implemented";

    @Override
    public String name() {
        return "broken-example";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.estimators(binder()).addBinding(ESTIMATOR).toInstance((context, params) ->
                        (GradientEstimator) (policy, samples) -> {
                            throw new UnsupportedOperationException(MESSAGE);
                        });
            }
        };
    }

    /** A plugin jar holding this class (and its lambdas) with its ServiceLoader registration. */
    static Path writeJar(Path jar) throws IOException {
        Path classes = Path.of(BrokenEstimatorPlugin.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path pkg = classes.resolve("io/dsr4j/bench/spark");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + DsrPlugin.class.getName()));
            out.write((BrokenEstimatorPlugin.class.getName() + "\n").getBytes());
            try (var s = Files.list(pkg)) {
                for (Path c : s.filter(p -> p.getFileName().toString().startsWith("BrokenEstimatorPlugin")).toList()) {
                    out.putNextEntry(new JarEntry("io/dsr4j/bench/spark/" + c.getFileName()));
                    out.write(Files.readAllBytes(c));
                }
            }
        }
        return jar;
    }
}
