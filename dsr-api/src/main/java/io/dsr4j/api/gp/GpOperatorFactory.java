package io.dsr4j.api.gp;

/** Builds a GP operator; registered by name (e.g. {@code gp_meld.crossover: one_point}). */
public interface GpOperatorFactory {

    GpOperator create(GpOperatorContext context);

    default String description() { return ""; }
}
