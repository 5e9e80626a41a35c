package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code task.sample_weights}: a text file with one weight per training row, in row order (a one-column CSV).
 * Blank lines are skipped; a first line that is not a number is a header. Weights must be finite and {@code >= 0},
 * not all zero, and as many as the training rows.
 */
public final class SampleWeightsReader {

    private static final String KEY = "task.sample_weights";

    private SampleWeightsReader() { }

    /**
     * @param at where {@code task.sample_weights} was set (errors about the whole file point there; errors about one
     *           line point at that line of the weights file)
     */
    public static double[] read(Path file, int trainingRows, Location at) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.at(at, KEY, "file " + file + " does not exist");
        } catch (IOException e) {
            throw ConfigException.at(at, KEY, "cannot read " + file + ": " + e.getMessage());
        }
        double[] w = new double[lines.size()];
        int n = 0;
        double sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).trim();
            if (text.isEmpty()) continue;
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                if (n == 0 && i == firstNonBlank(lines)) continue;   // a header
                throw ConfigException.at(new Location(file.toString(), i + 1, 1), KEY, "'" + text
                        + "' is not a number; the file holds one weight per training row");
            }
            if (!Double.isFinite(v) || v < 0) {
                throw ConfigException.at(new Location(file.toString(), i + 1, 1), KEY, "weight " + text
                        + " is not allowed; allowed: finite numbers >= 0");
            }
            w[n++] = v;
            sum += v;
        }
        if (n != trainingRows) {
            throw ConfigException.at(at, KEY, file + " has " + n + " weights but the training set has "
                    + trainingRows + " rows; give one weight per training row, in row order");
        }
        if (!(sum > 0)) throw ConfigException.at(at, KEY, "every weight in " + file + " is 0");
        return java.util.Arrays.copyOf(w, n);
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) if (!lines.get(i).isBlank()) return i;
        return -1;
    }
}
