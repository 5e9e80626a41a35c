package io.dsr4j.programs.prior;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.token.Library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Replays one traversal through a {@link PriorEnvironment} position by position and reports, for each token,
 * whether the priors allowed it, the joint prior value, and which priors forbade it. Backs
 * {@code ./dsr constraints CONFIG "tok,tok,..."}.
 */
public final class ConstraintReplay {

    private ConstraintReplay() { }

    /**
     * One replayed position: the state before the token (parent, sibling, dangling), the token, and the verdict.
     *
     * @param prior       the joint prior of the token (-inf when forbidden)
     * @param forbiddenBy names of the priors that put -inf on the token
     */
    public record Step(int position, int token, String tokenName, String parent, String sibling, int dangling,
                       boolean allowed, double prior, List<String> forbiddenBy) { }

    /**
     * @param steps       the replayed positions (tokens beyond the end of the expression or the max length are not
     *                    replayed)
     * @param complete    the replayed tokens form a complete expression
     * @param extraTokens tokens given after the expression was complete or the max length was reached
     * @param note        a sentence about completeness / length
     */
    public record Result(List<Step> steps, boolean complete, int extraTokens, int maxLength, String note) {

        /** Every replayed token was allowed by every prior. */
        public boolean allAllowed() {
            return steps.stream().allMatch(Step::allowed);
        }

        /** Allowed, complete, nothing left over: a program the sampler could produce. */
        public boolean valid() {
            return allAllowed() && complete && extraTokens == 0;
        }

        /** Human-readable table, one line per position, then the verdict. */
        public String format() {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"pos", "token", "parent", "sibling", "dangling", "prior", "allowed", "forbidden by"});
            for (Step s : steps) {
                rows.add(new String[]{Integer.toString(s.position()), s.tokenName(), s.parent(), s.sibling(),
                        Integer.toString(s.dangling()), formatPrior(s.prior()), s.allowed() ? "yes" : "NO",
                        String.join(", ", s.forbiddenBy())});
            }
            int[] width = new int[rows.get(0).length];
            for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    if (i > 0) line.append("  ");
                    line.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + width[i] + "s", r[i]));
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            long forbidden = steps.stream().filter(s -> !s.allowed()).count();
            sb.append(forbidden == 0 ? "all " + steps.size() + " tokens allowed" : forbidden + " of " + steps.size() + " tokens forbidden");
            sb.append("; ").append(note).append('\n');
            return sb.toString();
        }

        private static String formatPrior(double v) {
            if (v == Double.NEGATIVE_INFINITY) return "-inf";
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }

    /** Parses "tok,tok,..." into library indices; unknown names are a {@link ConfigException} with a suggestion. */
    public static int[] parse(Library library, String traversal) {
        String[] parts = traversal.split(",");
        List<Integer> out = new ArrayList<>();
        for (String part : parts) {
            String name = part.trim();
            if (name.isEmpty()) continue;
            int idx = library.indexOf(name);
            if (idx < 0) {
                throw new ConfigException("traversal \"" + traversal + "\": token '" + name + "' is not in the library "
                        + library.names() + Suggestions.hint(name, library.names()));
            }
            out.add(idx);
        }
        if (out.isEmpty()) throw new ConfigException("traversal \"" + traversal + "\" names no token");
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Replays {@code traversal} (library indices) through the priors of {@code env}. */
    public static Result replay(PriorEnvironment env, int[] traversal) {
        Library lib = env.library();
        TreeState state = env.newState();
        state.reset(1);
        int stride = lib.size();
        double[] joint = new double[stride];
        List<Step> steps = new ArrayList<>();
        int pos = 0;
        for (; pos < traversal.length && !state.finished(0); pos++) {
            int token = traversal[pos];
            if (token < 0 || token >= stride) throw new IllegalArgumentException("token index " + token + " out of range");
            boolean atStart = pos == 0;
            Arrays.fill(joint, 0);
            env.joint(state, atStart, joint);
            List<String> by = new ArrayList<>();
            double[][] parts = env.contributions(state, 0, atStart);
            for (int i = 0; i < parts.length; i++) {
                if (parts[i][token] == Double.NEGATIVE_INFINITY) by.add(env.priors().get(i).name());
            }
            double value = joint[token];
            steps.add(new Step(pos, token, lib.name(token), nameOrDash(lib, state.parent(0)), nameOrDash(lib, state.sibling(0)),
                    state.dangling(0), value != Double.NEGATIVE_INFINITY, value, List.copyOf(by)));
            state.append(0, token);
        }
        int extra = traversal.length - pos;
        boolean complete = state.complete(0);
        int len = state.length(0);
        String note;
        if (complete && extra == 0) {
            note = "complete program of " + len + " tokens";
        } else if (complete) {
            note = "the expression is complete after " + len + " tokens; " + extra + " extra token(s) ignored";
        } else if (len == env.maxLength()) {
            note = "too long: cut off at the max length " + env.maxLength() + " with " + state.dangling(0)
                    + " open slot(s)" + (extra > 0 ? "; " + extra + " token(s) beyond it ignored" : "");
        } else {
            note = "incomplete: " + state.dangling(0) + " open slot(s) left (at least " + state.dangling(0) + " more token(s) needed)";
        }
        return new Result(List.copyOf(steps), complete, extra, env.maxLength(), note);
    }

    private static String nameOrDash(Library lib, int token) {
        return token < 0 ? "-" : lib.name(token);
    }
}
