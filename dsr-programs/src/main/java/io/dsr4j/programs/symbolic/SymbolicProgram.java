package io.dsr4j.programs.symbolic;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.programs.poly.Monomials;
import io.dsr4j.programs.token.Builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * A finished program as a computer-algebra system needs it: prefix tokens by name with their arity, numbers
 * (fitted constants and hard-coded constants) as values, and whether the protected operators are in use.
 *
 * @param tokens        prefix order
 * @param protectedMode the run used the protected variants of div, log, sqrt, exp, inv, ...
 */
public record SymbolicProgram(List<Item> tokens, boolean protectedMode) {

    /**
     * One token: a number ({@code name} = {@link #NUMBER}, its {@code value}), an input {@code x<i>} or a function by its
     * token name.
     */
    public record Item(String name, int arity, double value) { }

    public static final String NUMBER = "#number";

    public SymbolicProgram {
        tokens = List.copyOf(tokens);
    }

    /**
     * From a traversal of {@code library} with the fitted values of its {@code const} tokens, or, for a program with
     * {@code poly}, its fitted polynomial's coefficients (then the polynomial replaces the token, as when printed).
     */
    public static SymbolicProgram of(int[] traversal, double[] constants, Library library, boolean protectedMode) {
        List<Item> items = new ArrayList<>(traversal.length);
        Monomials fitted = fittedPoly(traversal, constants, library);
        int c = 0;
        for (int t : traversal) {
            Token tok = library.token(t);
            if (t == library.polyToken() && fitted != null) {
                addPolynomial(items, fitted, constants, library.inputCount());
            } else if (tok.kind() == TokenKind.PLACEHOLDER) {
                items.add(new Item(NUMBER, 0, constants == null || c >= constants.length ? Double.NaN : constants[c]));
                c++;
            } else if (tok.kind() == TokenKind.CONSTANT) {
                items.add(new Item(NUMBER, 0, tok.value()));
            } else {
                items.add(new Item(tok.name(), tok.arity(), Double.NaN));
            }
        }
        return new SymbolicProgram(items, protectedMode);
    }

    /** The monomials of {@code traversal}'s fitted poly (its coefficients are {@code constants}), or null. */
    private static Monomials fittedPoly(int[] traversal, double[] constants, Library library) {
        int poly = library.polyToken();
        if (poly < 0 || constants == null) return null;
        for (int t : traversal) if (t == poly) return Monomials.ofSize(library.inputCount(), constants.length);
        return null;
    }

    /** Σ c_k · Π x_v^e_kv in prefix order (terms with c_k = 0 left out; 0 when none is left). */
    private static void addPolynomial(List<Item> items, Monomials m, double[] c, int variables) {
        List<Integer> terms = new ArrayList<>();
        for (int k = 0; k < m.size(); k++) if (c[k] != 0) terms.add(k);
        if (terms.isEmpty()) {
            items.add(new Item(NUMBER, 0, 0.0));
            return;
        }
        for (int i = 0; i < terms.size() - 1; i++) items.add(new Item("add", 2, Double.NaN));
        for (int k : terms) {
            int[] e = m.exponents(k);
            int factors = 0;
            for (int v = 0; v < variables; v++) factors += e[v];
            for (int i = 0; i < factors; i++) items.add(new Item("mul", 2, Double.NaN));
            items.add(new Item(NUMBER, 0, c[k]));
            for (int v = 0; v < variables; v++) {
                for (int i = 0; i < e[v]; i++) items.add(new Item("x" + (v + 1), 0, Double.NaN));
            }
        }
    }

    /**
     * From a traversal string as written in {@code summary.csv}, {@code hof.csv} and {@code results.csv}
     * ({@code "add,mul,x1,x1,3.5"}: fitted constants appear as numbers). Built-in tokens and inputs only.
     *
     * @throws IllegalArgumentException for a token that is neither (a plugin token's arity is unknown here)
     */
    public static SymbolicProgram parse(String traversal, boolean protectedMode) {
        List<Item> items = new ArrayList<>();
        for (String raw : traversal.split(",")) {
            String name = raw.trim();
            Builtin b = Builtin.byName(name);
            if (b != null) {
                items.add(new Item(name, b.arity(), Double.NaN));
            } else if (name.matches("x[1-9][0-9]*")) {
                items.add(new Item(name, 0, Double.NaN));
            } else if (name.equals("pi")) {
                items.add(new Item(NUMBER, 0, Math.PI));
            } else {
                try {
                    items.add(new Item(NUMBER, 0, Double.parseDouble(name)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("token '" + name + "' is not a built-in token, an input or a number");
                }
            }
        }
        return new SymbolicProgram(items, protectedMode);
    }

    /**
     * This program with every log applied directly to an exp removed, log and exp both: log(exp(u)) = u for real u.
     * With the protected log (log|a|, 0 where |a| ≤ 0.001) that holds only where u > ln 0.001, so a caller compares
     * the result's values with the program's. Returns this program when there is nothing to remove.
     */
    public SymbolicProgram withoutLogOfExp() {
        List<Item> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).name().equals("log") && i + 1 < tokens.size() && tokens.get(i + 1).name().equals("exp")) {
                i++;   // skip both: the exp's argument follows as log's would have
                continue;
            }
            out.add(tokens.get(i));
        }
        return out.size() == tokens.size() ? this : new SymbolicProgram(out, protectedMode);
    }
}
