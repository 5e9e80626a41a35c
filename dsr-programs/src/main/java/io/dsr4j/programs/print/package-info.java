/** Infix, LaTeX, SymPy and traversal-string printing of programs, and parsing them back. */
package io.dsr4j.programs.print;
