package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Parses a {@code serve} command line against a given environment, as the tests of its options need. */
final class ServeOptions {
  private ServeOptions() {}

  /** The settings {@code args} and {@code environment} give. */
  static Settings settings(Map<String, String> environment, String... args) {
    CommandLine commandLine = Main.commandLine(environment::get);
    commandLine.parseArgs(args);
    return ((ServeCommand) commandLine.getSubcommands().get("serve").getCommand()).settings();
  }

  /** What a refused command line prints; it must exit with code 2. */
  static String errors(Map<String, String> environment, String... args) {
    CommandLine commandLine = Main.commandLine(environment::get);
    StringWriter errors = new StringWriter();
    commandLine.setErr(new PrintWriter(errors));
    assertThat(commandLine.execute(args)).isEqualTo(2);
    return errors.toString();
  }
}
