package io.dsr4j.api.data;

import java.util.List;

/** Plugin kind "dataset": resolves {@code task.dataset} values it recognises (benchmark names, file types, ...). */
public interface DatasetProvider {

    /** True if this provider handles the spec (e.g. a known benchmark name, or a path ending in .csv). */
    boolean accepts(String spec);

    /** Loads or generates the data; user errors are {@link io.dsr4j.api.config.ConfigException}s. */
    Dataset load(DatasetRequest request);

    /** Names this provider knows (for listings and suggestions); empty for path-based providers. */
    default List<String> knownNames() { return List.of(); }

    default String description() { return ""; }
}
