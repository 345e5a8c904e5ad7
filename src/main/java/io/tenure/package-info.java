/** Tenure: the assembly of every capability into one running program, and its settings. */
package io.tenure;
