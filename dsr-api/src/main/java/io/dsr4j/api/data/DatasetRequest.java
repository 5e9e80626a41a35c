package io.dsr4j.api.data;

import java.nio.file.Path;

/**
 * What the task section asks for.
 *
 * @param spec       benchmark name or CSV path ({@code task.dataset})
 * @param seed       data-generation seed (reference: 0, independent of the experiment seed)
 * @param noise      noise level eta: N(0, eta * RMS(y_train)) added to train and test y
 * @param dataFactor multiplies the number of training points of a generated benchmark (1 = as published)
 * @param target     target column name for CSV files with a header, or null for the last column
 * @param baseDir    directory relative paths are resolved against (the config file's directory)
 */
public record DatasetRequest(String spec, long seed, double noise, double dataFactor, String target, Path baseDir) {

    public static DatasetRequest of(String spec) {
        return new DatasetRequest(spec, 0, 0.0, 1.0, null, Path.of("."));
    }
}
