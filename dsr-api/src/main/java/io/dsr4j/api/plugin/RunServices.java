package io.dsr4j.api.plugin;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What one run (one seed) shares with its plugins, bound in the run's injector: a factory bound by class
 * ({@code PluginBinder.priors(binder()).addBinding("x").to(MyFactory.class)}) may {@code @Inject} this,
 * {@link Library} or {@link Dataset} in its constructor. Immutable.
 *
 * @param library the run's token library (inputs first, then the function set)
 * @param dataset the run's data
 * @param seed    the run's seed
 */
public record RunServices(Library library, Dataset dataset, long seed) {

    public RunServices {
        Objects.requireNonNull(library);
        Objects.requireNonNull(dataset);
    }

    /**
     * A random stream of the plugin's own, reproducible from the run's seed and {@code name} and independent of
     * the streams dsr4j uses (taking one changes no other result).
     */
    public Rng randomStream(String name) {
        long h = 1125899906842597L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) h = 31 * h + b;
        return new Rng(seed).split(0x5EED_0000_0000L ^ h);
    }
}
