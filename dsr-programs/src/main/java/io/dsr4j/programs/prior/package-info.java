/**
 * Priors and constraints in the sampling loop (reference {@code prior.py}, §5).
 *
 * <ul>
 *   <li>{@link io.dsr4j.programs.prior.TreeState}: incremental per-row state of the next position (dangling,
 *       parent, sibling, counts, ancestor counts via an explicit stack of open operators), O(1) amortised per
 *       token, reusable across batches.</li>
 *   <li>{@link io.dsr4j.programs.prior.PriorSet#build}: the {@code prior} section → the enabled priors (in order,
 *       {@code on: true} only, mapping or list of mappings) and the max length in force (length prior's max_).</li>
 *   <li>{@link io.dsr4j.programs.prior.PriorEnvironment} / {@link io.dsr4j.programs.prior.PriorEpisode}: the
 *       {@code SamplingEnvironment}: joint prior per step in O(batch × library) without allocation; a row where
 *       every token is forbidden is a {@code ConfigException} naming the priors (the reference only prints).</li>
 *   <li>{@link io.dsr4j.programs.prior.ConstraintReplay}: replays one traversal and says which prior forbids
 *       which token ({@code ./dsr constraints}).</li>
 *   <li>{@code builtin}: the reference's priors, registered by {@link io.dsr4j.programs.prior.BuiltinPriorsPlugin}.</li>
 * </ul>
 *
 * Deliberate differences from the reference (each also noted where it is implemented): a prior naming a token
 * that is not in the library is dropped with a warning only when the name comes from the built-in defaults,
 * and is an error when the user wrote it; {@code no_inputs}, {@code repeat} (max_ 0) and {@code length}'s max rule
 * also apply at position 0; {@code descendant} is exact for binary effectors; {@code domain_range} takes domains
 * and ranges from the tokens' facts and applies its last-chance rule with the max length in force even without the
 * length prior; the reference's {@code count_constraints} switch is not supported.
 */
package io.dsr4j.programs.prior;
