/** Plugin kind "prior": hard constraints and soft priors applied in situ to the logits, reading a {@link io.dsr4j.api.prior.TreeView}. */
package io.dsr4j.api.prior;
