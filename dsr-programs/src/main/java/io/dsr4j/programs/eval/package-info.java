/** Program completion, compilation to register programs over data columns, evaluation with exact Jacobians, per-thread workspaces and the program cache. */
package io.dsr4j.programs.eval;
