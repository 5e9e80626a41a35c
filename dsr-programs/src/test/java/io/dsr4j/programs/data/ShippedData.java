package io.dsr4j.programs.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The reference's shipped CSVs (copied into src/test/resources/dso-data), row-major: x1..xn, y. */
final class ShippedData {

    private ShippedData() { }

    static double[][] rows(String file) {
        InputStream in = ShippedData.class.getResourceAsStream("/dso-data/" + file);
        if (in == null) throw new IllegalArgumentException("missing test resource dso-data/" + file);
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                double[] row = new double[f.length];
                for (int i = 0; i < f.length; i++) row[i] = Double.parseDouble(f[i]);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.toArray(new double[0][]);
    }
}
