package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.data.DatasetProvider;
import io.dsr4j.api.data.DatasetRequest;

import java.util.List;

/** Dataset kind "benchmark": the published benchmarks by name, generated like the reference. */
public final class BenchmarkDatasetProvider implements DatasetProvider {

    private final BenchmarkRegistry registry = BenchmarkRegistry.get();

    @Override
    public boolean accepts(String spec) {
        return spec != null && registry.contains(spec);
    }

    @Override
    public Dataset load(DatasetRequest request) {
        Benchmark b = registry.get(request.spec());
        if (request.target() != null) {
            throw new ConfigException("task.target ('" + request.target() + "') applies to CSV files only; "
                    + request.spec() + " is a generated benchmark whose target is its expression");
        }
        return BenchmarkDataset.generate(b, request.seed(), request.noise(), request.dataFactor());
    }

    @Override
    public List<String> knownNames() {
        return registry.names();
    }

    @Override
    public String description() {
        return "published benchmarks (Nguyen, Constant, Keijzer, Korns, Livermore, Jin, R, Vladislavleva, ...), "
                + "generated like the reference (seed + adler32(name), noise, data factor)";
    }
}
