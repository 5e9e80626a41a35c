package io.dsr4j.api.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggestions {

    private Suggestions() { }

    /** The closest candidate within a distance proportional to the word's length, if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        Optional<String> near = candidates.stream()
                .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) <= limit)
                .min(Comparator.comparingInt(c -> distance(word.toLowerCase(), c.toLowerCase())));
        if (near.isPresent() || word.length() < 3) return near;
        // A part of the name ("nrmse" for "inv_nrmse", "lstm" for "dl4j-lstm"): the shortest candidate containing it.
        String w = word.toLowerCase();
        return candidates.stream()
                .filter(c -> c.toLowerCase().contains(w) || (c.length() >= 3 && w.contains(c.toLowerCase())))
                .min(Comparator.comparingInt(c -> Math.abs(c.length() - word.length())));
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
