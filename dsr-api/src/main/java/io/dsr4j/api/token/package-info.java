/** Plugin kind "token": functions, inputs and constants of the expression language, and the {@link io.dsr4j.api.token.Library} of a run. */
package io.dsr4j.api.token;
