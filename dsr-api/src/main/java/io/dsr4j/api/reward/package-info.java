/** Plugin kind "reward" ({@code task.metric}): a {@link io.dsr4j.api.reward.Metric} of the predictions and, optionally, the program. */
package io.dsr4j.api.reward;
