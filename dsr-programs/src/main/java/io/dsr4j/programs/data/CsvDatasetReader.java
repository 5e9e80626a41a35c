package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.data.Dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads user data: comma-separated numbers, one sample per line, with or without a header row (a first row with
 * any non-numeric field is a header). The target is the last column, or the header column named by
 * {@code target}; the other columns become x1..xn in file order. Blank lines are skipped. Empty, non-numeric,
 * NaN or infinite cells and rows of the wrong length are {@link ConfigException}s naming file, line and column.
 * As in the reference, the test set is the training set.
 */
public final class CsvDatasetReader {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private CsvDatasetReader() { }

    /**
     * @param file   the CSV file
     * @param target header name of the target column, or null for the last column
     */
    public static Dataset read(Path file, String target) {
        String where = file.toString();
        checkEncoding(file, where);
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        int headerLine = 0;
        List<Integer> rowLines = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                List<String> fields;
                try {
                    fields = QuotedCsv.split(line);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(where + " line " + lineNo + ": unterminated quoted field");
                }
                if (width < 0) {
                    width = fields.size();
                    if (width < 2) {
                        throw new ConfigException(where + " line " + lineNo + ": found " + width
                                + " column; need at least one input column and the target column, separated by commas");
                    }
                    if (!fields.stream().allMatch(f -> isNumber(f.trim()))) {
                        header = fields.stream().map(String::trim).toList();
                        headerLine = lineNo;
                        continue;
                    }
                }
                if (fields.size() != width) {
                    throw new ConfigException(where + " line " + lineNo + ": found " + fields.size() + " columns but "
                            + (header != null ? "the header (line " + headerLine + ") has " : "the first row has ") + width);
                }
                double[] row = new double[width];
                for (int c = 0; c < width; c++) row[c] = cell(fields.get(c).trim(), where, lineNo, c, header);
                rows.add(row);
                rowLines.add(lineNo);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException("data file " + where + " does not exist (a relative path is resolved against the "
                    + "directory of the config file that names it, or the working directory when given with --set)");
        } catch (CharacterCodingException e) {
            throw new ConfigException("data file " + where + " line " + firstNonUtf8Line(file) + " is not UTF-8 text; save it as "
                    + "a plain UTF-8 (or ASCII) CSV file", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read data file " + where + ": " + reason(e), e);
        }
        if (rows.isEmpty()) {
            throw new ConfigException(where + ": no data rows" + (header != null ? " below the header" : "") + "; the file is empty");
        }

        int targetColumn;
        if (target == null) {
            targetColumn = width - 1;
        } else if (header == null) {
            throw new ConfigException(where + ": task.target is '" + target + "' but the file has no header row; "
                    + "add a header or leave target unset to use the last column");
        } else {
            targetColumn = header.indexOf(target);
            if (targetColumn < 0) {
                throw new ConfigException(where + ": task.target '" + target + "' is not a column"
                        + Suggestions.hint(target, header) + "; columns: " + String.join(", ", header));
            }
        }

        int n = rows.size();
        checkMagnitudes(rows, rowLines, where, header);
        double[][] x = new double[width - 1][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            for (int c = 0, v = 0; c < width; c++) {
                if (c == targetColumn) y[i] = row[c];
                else x[v++][i] = row[c];
            }
        }
        // test = train, as the reference (the arrays are shared; datasets are read-only)
        return new Dataset(datasetName(file), x, y, x, y, y, null, null);
    }

    /**
     * Values beyond this magnitude overflow the metric: squared errors and the variance of y exceed the largest
     * double (~1.8e308) and every reward becomes 0 or NaN.
     */
    static final double MAX_MAGNITUDE = 1e150;

    private static void checkMagnitudes(List<double[]> rows, List<Integer> lines, String where, List<String> header) {
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            for (int c = 0; c < row.length; c++) {
                if (Math.abs(row[c]) > MAX_MAGNITUDE) {
                    throw new ConfigException(where + " line " + lines.get(i) + ", column " + (c + 1) + (header != null ? " ('" + header.get(c) + "')" : "") + ": " + row[c]
                            + " is too large: values beyond +-1e150 overflow the metric (their squares exceed the "
                            + "largest double); rescale that column, e.g. divide it by a power of ten");
                }
            }
        }
    }

    /** Rejects UTF-16/32 and binary files up front: they decode to garbage or fail with an opaque error. */
    private static void checkEncoding(Path file, String where) {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            return; // reported by the reader with the resolution hint
        } catch (IOException e) {
            throw new ConfigException("cannot read data file " + where + ": " + reason(e), e);
        }
        boolean utf16Bom = n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
        boolean nul = false;
        for (int i = 0; i < n && !nul; i++) nul = head[i] == 0;
        if (utf16Bom || nul) {
            throw new ConfigException("data file " + where + " is " + (utf16Bom ? "UTF-16 text" : "not text (it contains "
                    + "NUL bytes: UTF-16/UTF-32 or a binary file)") + "; save it as a plain UTF-8 (or ASCII) CSV file "
                    + "(e.g. iconv -f UTF-16 -t UTF-8)");
        }
    }

    /** The first line that is not valid UTF-8 (the reader decodes ahead, so its own line count is no help). */
    private static int firstNonUtf8Line(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            int line = 1;
            for (int start = 0; start < all.length; ) {
                int end = start;
                while (end < all.length && all[end] != '\n') end++;
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(all, start, end - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = end + 1;
            }
        } catch (IOException | OutOfMemoryError ignored) {
            // fall through: the file is unreadable now or too big to scan
        }
        return 1;
    }

    /** The system's reason for an I/O error (the JDK's message is often just the file name). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        if (e.getMessage() != null && !e.getMessage().isBlank()) return e.getMessage();
        return e.getClass().getSimpleName();
    }

    /** The file name without its .csv extension. */
    static String datasetName(Path file) {
        String name = file.getFileName().toString();
        return name.regionMatches(true, name.length() - 4, ".csv", 0, 4) ? name.substring(0, name.length() - 4) : name;
    }

    private static boolean isNumber(String s) {
        return DECIMAL.matcher(s).matches() || NON_FINITE.matcher(s).matches();
    }

    private static double cell(String s, String where, int lineNo, int column, List<String> header) {
        String at = where + " line " + lineNo + ", column " + (column + 1)
                + (header != null ? " ('" + header.get(column) + "')" : "");
        if (s.isEmpty()) throw new ConfigException(at + ": empty value; every cell must be a number");
        if (NON_FINITE.matcher(s).matches()) {
            throw new ConfigException(at + ": '" + s + "' is not a finite number; remove or impute such rows first");
        }
        if (!DECIMAL.matcher(s).matches()) throw new ConfigException(at + ": '" + s + "' is not a number");
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) throw new ConfigException(at + ": '" + s + "' overflows a double");
        return v;
    }
}
