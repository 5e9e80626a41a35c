/** Plugin kind "constant optimizer": fits the {@code const} placeholders of a program (least squares). */
package io.dsr4j.api.constfit;
