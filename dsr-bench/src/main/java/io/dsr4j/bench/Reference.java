package io.dsr4j.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recovery rates published elsewhere (e.g. a paper's table), shown as an extra column next to the measured ones.
 * Only numbers the user wrote in the grid; nothing is filled in.
 *
 * @param label   column title, e.g. "Petersen et al. 2021, DSR"
 * @param rates   benchmark → recovery rate in [0, 1]
 * @param average the published average over the benchmarks, or null (then no average is shown for this column)
 */
public record Reference(String label, Map<String, Double> rates, Double average) {

    public Reference {
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    }
}
