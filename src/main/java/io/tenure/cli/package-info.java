/** The {@code tenure} command line: one class per subcommand, with documented options and exit codes. */
package io.tenure.cli;
