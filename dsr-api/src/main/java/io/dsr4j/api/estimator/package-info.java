/**
 * Plugin kind "gradient estimator" and its building blocks: {@link io.dsr4j.api.estimator.KeptBatch} (the
 * risk-seeking filter), {@link io.dsr4j.api.estimator.Quantiles}, {@link io.dsr4j.api.estimator.LinearPolicyLoss}
 * and {@link io.dsr4j.api.estimator.PolicyGradient} (loss assembly; the loss sign convention is documented there).
 */
package io.dsr4j.api.estimator;
