/**
 * Symbolic post-processing of finished programs, kept off the training path: simplified forms of the expressions a
 * run shows or saves, and symbolic recovery of a benchmark's known expression. {@link
 * io.dsr4j.programs.symbolic.SymbolicMath#create()} uses the Symja computer-algebra library when it is on the class
 * path (the CLI bundles it; library users add {@code org.matheclipse:matheclipse-core}) and otherwise answers with the
 * raw forms.
 */
package io.dsr4j.programs.symbolic;
