/** The symbolic regression task: scoring with constant fitting, testing, complexity. */
package io.dsr4j.programs.task;
