/** Plugin kind "dataset": resolves {@code task.dataset} to a {@link io.dsr4j.api.data.Dataset} (column-major data). */
package io.dsr4j.api.data;
