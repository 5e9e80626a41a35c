package io.dsr4j.programs.data;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/** Registers the built-in dataset providers: "benchmark" (published benchmarks) and "csv" (user files). */
public final class BuiltinDatasetsPlugin implements DsrPlugin {

    @Override
    public String name() {
        return "builtin-datasets";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.datasets(binder()).addBinding("benchmark").toInstance(new BenchmarkDatasetProvider());
                PluginBinder.datasets(binder()).addBinding("csv").toInstance(new CsvDatasetProvider());
            }
        };
    }
}
