/** The reference's regression metrics and the reward plugin. */
package io.dsr4j.programs.reward;
