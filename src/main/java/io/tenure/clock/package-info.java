/** The one clock of the program, real or simulated, and the scheduler that runs due work against it. */
package io.tenure.clock;
