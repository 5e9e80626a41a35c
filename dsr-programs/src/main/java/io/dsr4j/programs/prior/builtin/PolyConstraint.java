package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;

import java.util.ArrayList;
import java.util.List;

/**
 * The constraint DSO adds by itself when {@code poly} is in the library (reference §5.2 PolyConstraint, hard):
 * {@code poly} at most once; not a descendant of sin, cos, tan, n2, n4 or abs (those present); {@code poly} and
 * {@code const} exclusive (once either appears, the other is forbidden).
 */
public final class PolyConstraint extends HardConstraint {

    static final List<String> NO_POLY_UNDER = List.of("sin", "cos", "tan", "n2", "n4", "abs");

    private final int poly;
    private final int cst;
    private final int[] blockers;
    private final Library library;

    public PolyConstraint(Library library) {
        super("poly");
        this.library = library;
        this.poly = library.polyToken();
        if (poly < 0) throw new IllegalArgumentException("the library has no poly token");
        this.cst = library.constToken();
        List<Integer> b = new ArrayList<>();
        for (String n : NO_POLY_UNDER) if (library.indexOf(n) >= 0) b.add(library.indexOf(n));
        this.blockers = b.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        for (int q = 0; q < n; q++) {
            int row = rows[q];
            int off = row * stride;
            boolean forbidPoly = view.count(row, poly) > 0 || (cst >= 0 && view.count(row, cst) > 0);
            for (int i = 0; i < blockers.length && !forbidPoly; i++) forbidPoly = view.ancestorCount(row, blockers[i]) > 0;
            if (forbidPoly) adjust[off + poly] = FORBIDDEN;
            if (cst >= 0 && view.count(row, poly) > 0) adjust[off + cst] = FORBIDDEN;
        }
    }

    @Override
    public String describe() {
        return "poly at most once, never under " + NO_POLY_UNDER.stream().filter(library::contains).toList()
                + (cst >= 0 ? ", and not with const" : "");
    }
}
