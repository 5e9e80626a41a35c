package io.dsr4j.api.settings;

/**
 * The keys of the plugin sections that the framework itself reads, whatever plugin is selected: each declared once
 * here (type, default, range) and read through these constants everywhere (a plugin policy reads
 * {@code max_length} with {@link #MAX_LENGTH}). Their defaults are in the core {@code defaults.yaml}.
 */
public final class FrameworkKeys {

    private FrameworkKeys() { }

    /** The largest max length anything may set ({@code policy.max_length}, the {@code length} prior's {@code max_}). */
    public static final int MAX_LENGTH_LIMIT = 10_000;

    /** {@code policy.max_length}: the longest expression (the {@code length} prior's {@code max_} replaces it when on). */
    public static final Setting<Integer> MAX_LENGTH = Setting.integer("max_length", 64).range(1, MAX_LENGTH_LIMIT)
            .doc("maximum expression length; the length prior's max_ replaces it when that prior is on");

    public static final Setting<Double> LEARNING_RATE = Setting.real("learning_rate", 5e-4).range(0, 10)
            .doc("optimizer learning rate");

    public static final Setting<String> OPTIMIZER = Setting.choice("optimizer", "adam", "adam", "rmsprop", "sgd")
            .doc("optimizer of the policy's parameters");

    public static final Setting<Double> ENTROPY_WEIGHT = Setting.real("entropy_weight", 0.03).range(0, 1e6)
            .doc("weight of the entropy bonus");

    public static final Setting<Double> ENTROPY_GAMMA = Setting.real("entropy_gamma", 0.7).range(0, 1)
            .doc("per-position discount of the entropy bonus");

    /** {@code gp_meld.on}: whether the trainer runs the section's batch augmenter (the reference's run_gp_meld). */
    public static final Setting<Boolean> AUGMENTER_ON = Setting.bool("on", false)
            .doc("run the batch augmenter each iteration (the reference's gp_meld.run_gp_meld)");

    /** What the framework reads from the {@code policy} section besides {@code type}. */
    public static final Settings POLICY = Settings.of(MAX_LENGTH);

    /** What the framework reads from the {@code estimator} section besides {@code type}. */
    public static final Settings ESTIMATOR = Settings.of(LEARNING_RATE, OPTIMIZER, ENTROPY_WEIGHT, ENTROPY_GAMMA);

    /** What the framework reads from the {@code gp_meld} section (a batch augmenter) besides {@code type}. */
    public static final Settings AUGMENTER = Settings.of(AUGMENTER_ON);
}
