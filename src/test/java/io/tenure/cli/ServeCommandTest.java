package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  private record Run(int exitCode, String output, String errors) {}

  private static Run run(String... args) {
    CommandLine commandLine = Main.commandLine();
    StringWriter output = new StringWriter();
    StringWriter errors = new StringWriter();
    commandLine.setOut(new PrintWriter(output));
    commandLine.setErr(new PrintWriter(errors));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, output.toString(), errors.toString());
  }

  @Test
  void helpExplainsEveryOptionWithItsVariableAndDefault() {
    Run run = run("serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).contains("--port", "TENURE_PORT", "--data-dir", "TENURE_DATA_DIR", "--database",
        "TENURE_DATABASE_URL", "--clock", "TENURE_CLOCK", "--start", "TENURE_START", "TENURE_OPERATOR_KEY", "Default: 8080");
  }

  @Test
  void topLevelHelpListsServe() {
    Run run = run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).contains("serve", "Exit codes");
  }

  @Test
  void nonNumericPortIsAUsageErrorNamingTheValue() {
    Run run = run("serve", "--port", "eighty");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("--port", "eighty");
  }

  @Test
  void outOfRangePortIsAUsageErrorNamingTheValue() {
    Run run = run("serve", "--port", "70000");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("port", "70000");
  }

  @Test
  void unknownClockIsAUsageError() {
    Run run = run("serve", "--clock", "sundial");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("--clock", "sundial");
  }

  @Test
  void startWithoutOffsetIsAUsageError() {
    Run run = run("serve", "--clock", "simulated", "--start", "2023-03-08 15:50");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("--start", "2023-03-08 15:50");
  }

  @Test
  void unknownZoneIsAUsageError() {
    Run run = run("serve", "--zone", "Mars/Olympus");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("--zone", "Mars/Olympus");
  }
}
