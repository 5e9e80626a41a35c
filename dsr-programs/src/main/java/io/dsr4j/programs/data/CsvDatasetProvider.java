package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.data.DatasetProvider;
import io.dsr4j.api.data.DatasetRequest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Dataset kind "csv": a path ending in .csv, relative to the config file's directory (see {@link CsvDatasetReader}).
 * Noise and data factor are refused for files rather than silently ignored: they describe how a benchmark is
 * generated, and the reference has no such options for files either.
 */
public final class CsvDatasetProvider implements DatasetProvider {

    @Override
    public boolean accepts(String spec) {
        return spec != null && spec.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public Dataset load(DatasetRequest request) {
        if (request.noise() != 0) {
            throw new ConfigException("task.noise (" + request.noise() + ") applies to generated benchmarks only; "
                    + "for the file " + request.spec() + " set it to 0 and add noise to the data yourself");
        }
        if (request.dataFactor() != 1) {
            throw new ConfigException("task.data_factor (" + request.dataFactor() + ") applies to generated benchmarks only; "
                    + "for the file " + request.spec() + " set it to 1");
        }
        Path file;
        try {
            file = Path.of(request.spec());
        } catch (InvalidPathException e) {
            throw new ConfigException("task.dataset '" + request.spec() + "' is not a valid path: " + e.getMessage());
        }
        if (!file.isAbsolute() && request.baseDir() != null) file = request.baseDir().resolve(file);
        return CsvDatasetReader.read(file.normalize(), request.target());
    }

    @Override
    public String description() {
        return "a CSV file (*.csv): numbers, optional header, target = last column or task.target; test = train";
    }
}
