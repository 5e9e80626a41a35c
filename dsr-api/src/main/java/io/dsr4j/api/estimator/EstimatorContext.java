package io.dsr4j.api.estimator;

/**
 * Settings common to all estimators ({@code estimator.entropy_weight}, {@code estimator.entropy_gamma}) and a seed
 * for estimator-owned randomness (PQT batch draws, PPO shuffles).
 */
public record EstimatorContext(double entropyWeight, double entropyGamma, long seed, int batchSize) { }
