package io.dsr4j.programs.prior;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.token.Library;
import io.dsr4j.config.PriorSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The priors of a task, built from the {@code prior} section (reference {@code make_prior}, §5.1), plus the max
 * length in force. Keys are the registered prior names, in the user's order; each value is a mapping or a list of
 * mappings, read by {@link PriorSection#parse}; only enabled entries are built (an entry the user wrote is on unless
 * it says {@code on: false}; a built-in default only with {@code on: true}), and the keys of disabled entries are not
 * checked. Every enabled factory is first asked for the max length it sets ({@link PriorFactory#setsMaxLength}: the
 * length prior's {@code max_}); the smallest replaces the policy's max length and is passed to every factory as
 * {@link PriorContext#maxLength()}. No prior is special-cased by name.
 */
public final class PriorSet {

    private static final Logger LOG = LoggerFactory.getLogger(PriorSet.class);

    /** A built prior with the name used in messages: the YAML key, or {@code key[i]} for the i-th list entry. */
    public record Entry(String name, Prior prior) { }

    private final Library library;
    private final List<Entry> entries;
    private final int maxLength;
    private final List<String> skipped;

    public PriorSet(Library library, List<Entry> entries, int maxLength) {
        this(library, entries, maxLength, List.of());
    }

    /** @param skipped names of enabled entries whose factory had nothing to constrain for this library */
    public PriorSet(Library library, List<Entry> entries, int maxLength, List<String> skipped) {
        if (maxLength < 1) throw new IllegalArgumentException("max length must be at least 1, got " + maxLength);
        this.library = library;
        this.entries = List.copyOf(entries);
        this.maxLength = maxLength;
        this.skipped = List.copyOf(skipped);
    }

    /** Enabled entries that constrain nothing for this library (e.g. {@code repeat} of const without const). */
    public List<String> skipped() { return skipped; }

    private record Pending(String key, String name, Params params) { }

    /**
     * Builds the enabled priors of a {@code prior} section given as Params (prior name → value), e.g. in tests and
     * plugins; read with {@link PriorSection#parse}, like a loaded configuration's, but exactly as written: the
     * priors' declared defaults are not filled in.
     *
     * @see #build(List, Map, Library, Dataset, int)
     */
    public static PriorSet build(Params priorSection, Map<String, PriorFactory> factories, Library library,
                                 Dataset dataset, int policyMaxLength) {
        return build(PriorSection.parse(priorSection.node(), null), factories, library, dataset, policyMaxLength, false);
    }

    /**
     * Builds the enabled priors of {@code sections} (a configuration's {@code DsrConfig.priors()}), each prior's
     * declared defaults ({@code PriorFactory.settings()}) filled in under what was written.
     *
     * @param factories       the registered prior factories by YAML name
     * @param dataset         the training data (domain_range), may be null for tasks without one
     * @param policyMaxLength {@code policy.max_length}, used unless an enabled prior sets the max length
     * @throws ConfigException for unknown prior names, unknown keys and invalid values
     */
    public static PriorSet build(List<PriorSection> sections, Map<String, PriorFactory> factories, Library library,
                                 Dataset dataset, int policyMaxLength) {
        return build(sections, factories, library, dataset, policyMaxLength, true);
    }

    private static PriorSet build(List<PriorSection> sections, Map<String, PriorFactory> factories, Library library,
                                  Dataset dataset, int policyMaxLength, boolean declaredDefaults) {
        List<Pending> enabled = new ArrayList<>();
        for (PriorSection section : sections) {
            String key = section.name();
            if (!factories.containsKey(key)) {
                String also = key.equals("count_constraints")
                        ? " (the reference's count_constraints switch is not supported; use './dsr constraints' to see "
                        + "which prior forbids what)" : Suggestions.hint(key, factories.keySet());
                throw ConfigException.at(section.location(), "prior." + key, "unknown prior" + also
                        + "; available priors: " + String.join(", ", new TreeSet<>(factories.keySet())));
            }
            // A disabled entry is not validated: its other keys are not unknown, just unused.
            if (section.on()) {
                // the factory's declared defaults apply whether or not the configuration was resolved with them
                PriorSection withSettings = declaredDefaults ? new PriorSection(section.name(), section.index(),
                        section.on(), section.node(), section.defaults(), factories.get(key).settings()) : section;
                enabled.add(new Pending(key, key + (section.index() >= 0 ? "[" + section.index() + "]" : ""),
                        withSettings.params()));
            }
        }

        // Pass 1: the priors that set the max length (the length prior's max_) decide the length in force.
        int maxLength = -1;
        for (Pending item : enabled) {
            OptionalInt m = factories.get(item.key()).setsMaxLength(item.params());
            if (m.isPresent()) maxLength = maxLength < 0 ? m.getAsInt() : Math.min(maxLength, m.getAsInt());
        }
        if (maxLength < 0) {
            maxLength = policyMaxLength;
        } else if (maxLength != policyMaxLength) {
            LOG.debug("a prior's max length {} replaces policy.max_length = {}", maxLength, policyMaxLength);
        }
        if (maxLength < 1) throw new ConfigException("policy.max_length must be at least 1, got " + maxLength);

        // Pass 2: every prior, with the resolved max length.
        PriorContext context = new PriorContext(library, dataset, maxLength);
        List<Entry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Pending item : enabled) {
            Prior p = create(item, factories, context);
            if (p == null) {
                skipped.add(item.name());
                continue;
            }
            entries.add(new Entry(item.name(), p));
            // A prior may also cap the length (Prior.maxLength); the smallest cap wins.
            OptionalInt m = p.maxLength();
            if (m.isPresent() && m.getAsInt() < maxLength) {
                LOG.debug("prior '{}' caps the max length at {}", item.name(), m.getAsInt());
                maxLength = m.getAsInt();
            }
        }
        // As DSO's make_prior: with poly in the library its constraint is always added (reference §5.1, §5.2).
        if (library.polyToken() >= 0) entries.add(new Entry("poly", new io.dsr4j.programs.prior.builtin.PolyConstraint(library)));
        PriorSet set = new PriorSet(library, entries, maxLength, skipped);
        LOG.debug("priors (max length {}): {}", maxLength, set.describe());
        return set;
    }

    private static Prior create(Pending item, Map<String, PriorFactory> factories, PriorContext context) {
        Optional<Prior> p = factories.get(item.key()).create(context, item.params());
        item.params().requireAllUsed();
        return p.orElse(null);
    }

    public Library library() { return library; }

    public List<Entry> entries() { return entries; }

    /** The max length in force (length prior's max_, else the policy's). */
    public int maxLength() { return maxLength; }

    /** The largest minimum length any prior guarantees (2 with the length prior), if any. */
    public OptionalInt minLength() {
        return entries.stream().map(e -> e.prior().minLength()).filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt).max();
    }

    /** The sampling environment over these priors. */
    public PriorEnvironment environment() {
        return new PriorEnvironment(library, entries, maxLength);
    }

    /** One line per prior. */
    public String describe() {
        if (entries.isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append("\n  ").append(e.name()).append(": ").append(e.prior());
        return sb.toString();
    }
}
