package io.tenure.cli;

import io.tenure.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Refusals of option values, all worded alike and tied to their option, so that a value that came from an
 * environment variable is reported as that variable (see {@link ErrorLines}).
 */
final class OptionChecks {

  private OptionChecks() {}

  static void within(CommandSpec spec, String option, long value, Settings.Range range) {
    if (!range.contains(value)) {
      throw invalid(spec, option, Long.toString(value), range.rule());
    }
  }

  static ParameterException invalid(CommandSpec spec, String option, String value, String rule) {
    return new ParameterException(spec.commandLine(),
        "Invalid value for option '" + option + "': '" + value + "' " + rule + ".", spec.findOption(option), value);
  }
}
