package io.dsr4j.api.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token library of a task: input variables first, then the function set in order (this order defines the
 * action indices and the policy's output layout, as in the reference). Immutable; all index sets are precomputed.
 */
public final class Library {

    private static final Set<String> TRIG_NAMES = Set.of("sin", "cos", "tan", "csc", "sec", "cot");

    private final List<Token> tokens;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final int[] arities;
    private final int[] inputTokens;
    private final int[] terminalTokens;
    private final int[] unaryTokens;
    private final int[] binaryTokens;
    private final int[] floatTokens;
    private final int[] trigTokens;
    private final int[] parentAdjust;
    private final int nonTerminalCount;
    private final int constToken;
    private final int polyToken;
    private final int[] inverseOf;

    public Library(List<Token> tokens) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("empty token library");
        this.tokens = List.copyOf(tokens);
        int n = tokens.size();
        arities = new int[n];
        parentAdjust = new int[n];
        List<Integer> in = new ArrayList<>(), term = new ArrayList<>(), un = new ArrayList<>(), bin = new ArrayList<>(),
                fl = new ArrayList<>(), trig = new ArrayList<>();
        int nonTerm = 0;
        int cst = -1;
        int poly = -1;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (indexByName.putIfAbsent(t.name(), i) != null) {
                throw new IllegalArgumentException("token '" + t.name() + "' appears twice in the library");
            }
            int a = t.arity();
            if (a < 0 || a > 2) throw new IllegalArgumentException("token '" + t.name() + "' has arity " + a + " (0, 1 or 2 allowed)");
            arities[i] = a;
            if (a == 0) {
                term.add(i);
                parentAdjust[i] = -1;
                if (t.kind() == TokenKind.INPUT) in.add(i); else fl.add(i);
                if (t.kind() == TokenKind.PLACEHOLDER) cst = i;
                if (t.kind() == TokenKind.FITTED && poly < 0) poly = i;
            } else {
                parentAdjust[i] = nonTerm++;
                (a == 1 ? un : bin).add(i);
            }
            if (t.facts().trig() || TRIG_NAMES.contains(t.name()) || t.name().startsWith("arc")) trig.add(i);
        }
        nonTerminalCount = nonTerm;
        constToken = cst;
        polyToken = poly;
        inputTokens = toArray(in);
        terminalTokens = toArray(term);
        unaryTokens = toArray(un);
        binaryTokens = toArray(bin);
        floatTokens = toArray(fl);
        trigTokens = toArray(trig);
        inverseOf = new int[n];
        Arrays.fill(inverseOf, -1);
        for (int i = 0; i < n; i++) {
            String inv = tokens.get(i).facts().inverseOf();
            if (inv != null && indexByName.containsKey(inv)) inverseOf[i] = indexByName.get(inv);
        }
    }

    private static int[] toArray(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    public int size() { return tokens.size(); }

    public Token token(int i) { return tokens.get(i); }

    public List<Token> tokens() { return Collections.unmodifiableList(tokens); }

    public String name(int i) { return tokens.get(i).name(); }

    public int arity(int i) { return arities[i]; }

    /** Index of the named token, or -1. */
    public int indexOf(String name) { return indexByName.getOrDefault(name, -1); }

    public boolean contains(String name) { return indexByName.containsKey(name); }

    public int[] inputTokens() { return inputTokens.clone(); }

    public int[] terminalTokens() { return terminalTokens.clone(); }

    public int[] unaryTokens() { return unaryTokens.clone(); }

    public int[] binaryTokens() { return binaryTokens.clone(); }

    /** Arity-0 tokens that are not inputs: hard-coded constants, {@code const} and {@code poly}. */
    public int[] floatTokens() { return floatTokens.clone(); }

    public int[] trigTokens() { return trigTokens.clone(); }

    /** Index of {@code const}, or -1. */
    public int constToken() { return constToken; }

    /** Index of the fitted terminal ({@code poly}), or -1. */
    public int polyToken() { return polyToken; }

    public int inputCount() { return inputTokens.length; }

    /** Rank of the token among non-terminals (reference {@code parent_adjust}), -1 for terminals. */
    public int parentAdjust(int i) { return parentAdjust[i]; }

    public int nonTerminalCount() { return nonTerminalCount; }

    /** Index of the token that {@code i} inverts (log for exp, ...), or -1. */
    public int inverseOf(int i) { return inverseOf[i]; }

    public List<String> names() {
        return tokens.stream().map(Token::name).toList();
    }

    @Override
    public String toString() {
        return "Library" + names();
    }
}
