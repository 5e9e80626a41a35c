package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code relational {targets, effectors, relationship}} (reference RelationalConstraint, hard): targets cannot
 * stand in the given relationship to any effector at the next position.
 * <ul>
 *   <li>{@code child}: forbid targets if the parent is an effector;</li>
 *   <li>{@code descendant}: forbid targets if any ancestor is an effector. The reference's ancestor kernel is
 *       only correct for unary effectors (it asserts that); dsr4j tracks the open operators exactly, so binary
 *       effectors work too;</li>
 *   <li>{@code sibling} (symmetric): forbid targets if the sibling is an effector, and effectors if the sibling
 *       is a target;</li>
 *   <li>{@code uchild} (one target): forbid the target if the parent is a unary effector, or the parent is an
 *       effector and the sibling is the target (no {@code sub(x, x)});</li>
 *   <li>{@code lchild}: parent is an effector and there is no sibling (first child);</li>
 *   <li>{@code rchild}: parent is an effector and there is a sibling (second child of a binary).</li>
 * </ul>
 * Also used for {@code trig} (trig tokens not descendants of trig tokens) and {@code const} (const not the only
 * unique child of any operator).
 */
public final class RelationalConstraint extends HardConstraint {

    private static final Logger LOG = LoggerFactory.getLogger(RelationalConstraint.class);

    /** The supported relationships (YAML spelling: lower case). */
    public enum Relationship {
        CHILD("a child"), DESCENDANT("a descendant"), SIBLING("a sibling"), UCHILD("the only unique child"),
        LCHILD("the left child"), RCHILD("the right child");

        private final String phrase;

        Relationship(String phrase) { this.phrase = phrase; }

        public String yamlName() { return name().toLowerCase(Locale.ROOT); }

        /** Relationships whose effectors are parents/ancestors, so they must be operators. */
        boolean needsOperatorEffectors() { return this != SIBLING; }
    }

    private final Library library;
    private final Relationship relationship;
    private final int[] targets;
    private final int[] effectors;
    private final boolean[] isTarget;
    private final boolean[] isEffector;
    private final boolean[] isUnaryEffector;

    public RelationalConstraint(String name, Library library, int[] targets, int[] effectors, Relationship relationship) {
        super(name);
        if (targets.length == 0 || effectors.length == 0) throw new IllegalArgumentException("empty targets or effectors");
        if (relationship == Relationship.UCHILD && targets.length != 1) {
            throw new IllegalArgumentException("uchild takes exactly one target");
        }
        this.library = library;
        this.relationship = relationship;
        this.targets = targets.clone();
        this.effectors = effectors.clone();
        int n = library.size();
        isTarget = new boolean[n];
        isEffector = new boolean[n];
        isUnaryEffector = new boolean[n];
        for (int t : targets) isTarget[t] = true;
        for (int e : effectors) {
            if (relationship.needsOperatorEffectors() && library.arity(e) == 0) {
                throw new IllegalArgumentException("terminal effector " + library.name(e) + " for " + relationship.yamlName());
            }
            isEffector[e] = true;
            isUnaryEffector[e] = library.arity(e) == 1;
        }
    }

    private static final List<String> RELATIONSHIPS = Arrays.stream(Relationship.values()).map(Relationship::yamlName).toList();
    static final Setting<String> RELATIONSHIP = Setting.<String>custom("relationship", "choice", null,
            String.join(", ", RELATIONSHIPS), (p, s) -> {
                String rel = p.getChoice("relationship", null, RELATIONSHIPS);
                if (rel == null) throw TokenRefs.error(p, "relationship", "required; allowed: " + String.join(", ", RELATIONSHIPS));
                return rel;
            }).doc("how targets may not relate to effectors (required)");
    static final Setting<List<String>> TARGETS = Setting.stringList("targets", null).doc("the constrained tokens (required)");
    static final Setting<List<String>> EFFECTORS = Setting.stringList("effectors", null)
            .doc("the tokens they may not be the child/descendant/sibling of (required)");

    /** The keys of {@code prior.relational}. */
    public static final Settings SETTINGS = Settings.of(TARGETS, EFFECTORS, RELATIONSHIP);

    /** Factory body: reads {@code targets}, {@code effectors} and {@code relationship}. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        String rel = RELATIONSHIP.read(p);
        Relationship relationship = Relationship.valueOf(rel.toUpperCase(Locale.ROOT));
        Library lib = context.library();
        Optional<int[]> targets = TokenRefs.resolve(p, "targets", lib, "relational");
        Optional<int[]> effectors = TokenRefs.resolve(p, "effectors", lib, "relational");
        if (targets.isEmpty() || effectors.isEmpty()) return Optional.empty();
        if (relationship.needsOperatorEffectors()) {
            for (int e : effectors.get()) {
                if (lib.arity(e) == 0) {
                    throw TokenRefs.error(p, "effectors", "'" + lib.name(e) + "' is a terminal, but a " + rel
                            + " relationship needs operator effectors (parents/ancestors); only 'sibling' takes terminals");
                }
            }
        }
        if (relationship == Relationship.UCHILD && targets.get().length != 1) {
            throw TokenRefs.error(p, "targets", "uchild takes exactly one target token, got "
                    + TokenRefs.names(lib, targets.get()) + "; write one relational entry per target");
        }
        return Optional.of(new RelationalConstraint("relational", lib, targets.get(), effectors.get(), relationship));
    }

    /** {@code trig}: trig tokens cannot be descendants of trig tokens; empty without trig tokens. */
    public static Optional<Prior> trig(PriorContext context, Params p) {
        Library lib = context.library();
        int[] trig = lib.trigTokens();
        if (trig.length == 0) {
            LOG.debug("prior 'trig' skipped: the library {} has no trigonometric tokens", lib.names());
            return Optional.empty();
        }
        return Optional.of(new RelationalConstraint("trig", lib, trig, trig, Relationship.DESCENDANT));
    }

    /** {@code const}: const cannot be the only unique child of an operator; empty without {@code const}. */
    public static Optional<Prior> constant(PriorContext context, Params p) {
        Library lib = context.library();
        int c = lib.constToken();
        int[] un = lib.unaryTokens();
        int[] bin = lib.binaryTokens();
        int[] ops = Arrays.copyOf(un, un.length + bin.length);
        System.arraycopy(bin, 0, ops, un.length, bin.length);
        if (c < 0 || ops.length == 0) {
            LOG.debug("prior 'const' skipped: the library {} has no 'const' token", lib.names());
            return Optional.empty();
        }
        return Optional.of(new RelationalConstraint("const", lib, new int[]{c}, ops, Relationship.UCHILD));
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        switch (relationship) {
            case CHILD -> {
                for (int i = 0; i < n; i++) {
                    int row = rows[i];
                    int parent = view.parent(row);
                    if (parent >= 0 && isEffector[parent]) forbid(adjust, row * stride, targets);
                }
            }
            case DESCENDANT -> {
                for (int i = 0; i < n; i++) {
                    int row = rows[i];
                    for (int e : effectors) {
                        if (view.ancestorCount(row, e) > 0) {
                            forbid(adjust, row * stride, targets);
                            break;
                        }
                    }
                }
            }
            case SIBLING -> {
                for (int i = 0; i < n; i++) {
                    int row = rows[i];
                    int sibling = view.sibling(row);
                    if (sibling < 0) continue;
                    if (isEffector[sibling]) forbid(adjust, row * stride, targets);
                    if (isTarget[sibling]) forbid(adjust, row * stride, effectors);
                }
            }
            case UCHILD -> {
                int target = targets[0];
                for (int i = 0; i < n; i++) {
                    int row = rows[i];
                    int parent = view.parent(row);
                    if (parent < 0 || !isEffector[parent]) continue;
                    if (isUnaryEffector[parent] || view.sibling(row) == target) adjust[row * stride + target] = FORBIDDEN;
                }
            }
            case LCHILD, RCHILD -> {
                boolean wantSibling = relationship == Relationship.RCHILD;
                for (int i = 0; i < n; i++) {
                    int row = rows[i];
                    int parent = view.parent(row);
                    if (parent >= 0 && isEffector[parent] && (view.sibling(row) >= 0) == wantSibling) {
                        forbid(adjust, row * stride, targets);
                    }
                }
            }
            default -> throw new IllegalStateException(relationship.toString());
        }
    }

    public Relationship relationship() { return relationship; }

    @Override
    public String describe() {
        return TokenRefs.names(library, targets) + " cannot be " + relationship.phrase + " of " + TokenRefs.names(library, effectors);
    }
}
