/** Built-in tokens (plain and protected kernels, exact partials, facts, renderings), terminals, the library builder and the token plugin. */
package io.dsr4j.programs.token;
