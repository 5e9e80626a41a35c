package io.dsr4j.api.gp;

import io.dsr4j.api.token.Library;

/**
 * What a GP operator is built with.
 *
 * @param library       the task's token library (the operators' primitives and terminals)
 * @param maxTreeHeight largest height of a random subtree an operator grows (reference {@code mutate_tree_max})
 */
public record GpOperatorContext(Library library, int maxTreeHeight) { }
