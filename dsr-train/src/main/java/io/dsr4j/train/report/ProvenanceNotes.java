package io.dsr4j.train.report;

import io.dsr4j.config.DsrConfig;

/** The run-specific part of a provenance record: whether the run's policy uses ND4J, and then its backend. */
public final class ProvenanceNotes {

    /** The built-in policy that runs on ND4J; ND4J is never loaded (and so never reported) for the others. */
    static final String ND4J_POLICY = "dl4j-lstm";

    private ProvenanceNotes() { }

    public static Provenance forPolicy(Provenance base, DsrConfig config) {
        String type = config.policy().type();
        return ND4J_POLICY.equals(type) ? base.withNd4j() : base.withoutNd4j(type);
    }
}
