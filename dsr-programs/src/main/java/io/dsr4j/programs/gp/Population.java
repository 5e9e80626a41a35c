package io.dsr4j.programs.gp;

/**
 * A GP population: complete traversals and their rewards (higher is better), index-aligned.
 *
 * @param programs the individuals
 * @param rewards  their rewards
 */
public record Population(int[][] programs, double[] rewards) {

    public Population {
        if (programs.length != rewards.length) throw new IllegalArgumentException("programs and rewards differ in length");
    }

    public int size() { return programs.length; }
}
