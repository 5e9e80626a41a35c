package io.dsr4j.programs.data;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.data.DatasetProvider;
import io.dsr4j.api.data.DatasetRequest;
import io.dsr4j.api.plugin.DsrPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetProvidersTest {

    @TempDir
    Path dir;

    @Test
    void pluginIsFoundByServiceLoaderAndBindsBothProviders() {
        DsrPlugin plugin = ServiceLoader.load(DsrPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof BuiltinDatasetsPlugin).findFirst().orElseThrow();
        Injector injector = Guice.createInjector(plugin.module());
        Map<String, DatasetProvider> providers = injector.getInstance(Key.get(new TypeLiteral<Map<String, DatasetProvider>>() { }));
        assertTrue(providers.get("benchmark") instanceof BenchmarkDatasetProvider);
        assertTrue(providers.get("csv") instanceof CsvDatasetProvider);
    }

    @Test
    void benchmarkProvider() {
        BenchmarkDatasetProvider p = new BenchmarkDatasetProvider();
        assertTrue(p.accepts("Nguyen-5"));
        assertFalse(p.accepts("nguyen-5"));
        assertFalse(p.accepts("data.csv"));
        assertTrue(p.knownNames().contains("Constant-8"));
        Dataset d = p.load(new DatasetRequest("Nguyen-5", 0, 0.0, 1.0, null, Path.of(".")));
        assertArrayEquals(BenchmarkDataset.generate("Nguyen-5").yTrain(), d.yTrain());
        assertThrows(ConfigException.class, () -> p.load(new DatasetRequest("Nguyen-5", 0, 0.0, 1.0, "y", Path.of("."))));
        Dataset noisy = p.load(new DatasetRequest("Nguyen-5", 0, 0.1, 1.0, null, Path.of(".")));
        assertArrayEquals(d.yTest(), noisy.yTestNoiseless());
    }

    @Test
    void csvProviderResolvesAgainstTheBaseDirectory() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/mine.CSV"), "x,t\n1,2\n3,4\n");
        CsvDatasetProvider p = new CsvDatasetProvider();
        assertTrue(p.accepts("data/mine.CSV"));
        assertFalse(p.accepts("Nguyen-1"));
        Dataset d = p.load(new DatasetRequest("data/mine.CSV", 0, 0.0, 1.0, "x", dir));
        assertEquals("mine", d.name());
        assertArrayEquals(new double[] {1, 3}, d.yTrain());
        ConfigException e = assertThrows(ConfigException.class,
                () -> p.load(new DatasetRequest("data/mine.CSV", 0, 0.01, 1.0, null, dir)));
        assertTrue(e.getMessage().contains("task.noise"), e.getMessage());
        assertThrows(ConfigException.class, () -> p.load(new DatasetRequest("data/mine.CSV", 0, 0, 10, null, dir)));
        e = assertThrows(ConfigException.class, () -> p.load(DatasetRequest.of("nowhere.csv")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
