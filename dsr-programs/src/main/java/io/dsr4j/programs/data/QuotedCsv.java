package io.dsr4j.programs.data;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC-4180 CSV lines (double-quoted fields with {@code ""} escapes, as pandas writes them): splitting for the data
 * readers, quoting for every CSV the runs and benchmarks write.
 */
public final class QuotedCsv {

    private QuotedCsv() { }

    /** @throws IllegalArgumentException on an unterminated quoted field */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quoted field");
        fields.add(cur.toString());
        return fields;
    }

    /** One CSV line from the given fields (null and NaN as empty fields, quoting where needed). */
    public static String row(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(fields[i]));
        }
        return sb.toString();
    }

    /** A field as CSV text, quoted if it contains a comma, quote or line break. */
    public static String quote(Object o) {
        if (o == null) return "";
        String s = o instanceof Double d && d.isNaN() ? "" : String.valueOf(o);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
