package io.dsr4j.api.policy;

/**
 * The policy optimiser's settings ({@code estimator.learning_rate}, {@code estimator.optimizer}, ...).
 *
 * @param name         adam | rmsprop | sgd
 * @param learningRate step size
 * @param beta1        Adam β1 (TF default 0.9)
 * @param beta2        Adam β2 (0.999) / RMSProp decay (0.99)
 * @param epsilon      Adam/RMSProp ε (1e-8 as TF's Adam; note TF's RMSProp uses 1e-10)
 */
public record OptimizerSpec(String name, double learningRate, double beta1, double beta2, double epsilon) {

    public static OptimizerSpec adam(double lr) {
        return new OptimizerSpec("adam", lr, 0.9, 0.999, 1e-8);
    }
}
