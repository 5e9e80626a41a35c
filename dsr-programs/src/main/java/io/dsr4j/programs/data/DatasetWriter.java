package io.dsr4j.programs.data;

import io.dsr4j.api.data.Dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a dataset in the layout of the reference's shipped files: {@code NAME.csv} (training) and
 * {@code NAME_test.csv}, headerless, x1..xn then y, numbers as Python's {@code repr} writes them (the shortest
 * decimal of at most 17 significant digits that reads back to the same double). Each file is written to a
 * temporary file in the same directory and renamed into place, so a failure never leaves a half-written file.
 */
public final class DatasetWriter {

    private DatasetWriter() { }

    /** @return the training file; the test file is beside it */
    public static Path write(Dataset d, Path dir) throws IOException {
        String name = d.name();
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("dataset name '" + name + "' cannot be a file name");
        }
        Files.createDirectories(dir);
        Path train = dir.resolve(name + ".csv");
        writeAtomically(train, d.xTrain(), d.yTrain());
        writeAtomically(dir.resolve(name + "_test.csv"), d.xTest(), d.yTest());
        return train;
    }

    private static void writeAtomically(Path target, double[][] x, double[] y) throws IOException {
        // not Files.createTempFile: its 0600 would make the data unreadable to others sharing the folder
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                StringBuilder line = new StringBuilder(32 * (x.length + 1));
                for (int i = 0; i < y.length; i++) {
                    line.setLength(0);
                    for (double[] column : x) line.append(format(column[i])).append(',');
                    line.append(format(y[i])).append('\n');
                    w.append(line);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Python's {@code repr(float)}: shortest round-trip digits (≤ 17), exponent form below 1e-4 or from 1e16. */
    static String format(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return 1 / v < 0 ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(v);
        BigDecimal d = null;
        // below 15 digits, rounding to 15 and stripping zeros already gives the shortest form (not so for subnormals)
        for (int digits = Math.abs(v) < Double.MIN_NORMAL ? 1 : 15; digits <= 17; digits++) {
            d = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (d.doubleValue() == v) break;
        }
        d = d.stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String s = d.toPlainString();
            return s.indexOf('.') < 0 ? s + ".0" : s;
        }
        String digits = d.unscaledValue().abs().toString();
        StringBuilder s = new StringBuilder();
        if (d.signum() < 0) s.append('-');
        s.append(digits.charAt(0));
        if (digits.length() > 1) s.append('.').append(digits, 1, digits.length());
        s.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) s.append('0');
        return s.append(abs).toString();
    }
}
