package io.dsr4j.programs.data;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of RFC-4180 CSV (double-quoted fields with {@code ""} escapes), as pandas writes it. */
final class QuotedCsv {

    private QuotedCsv() { }

    /** @throws IllegalArgumentException on an unterminated quoted field */
    static List<String> split(String line) {
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
}
