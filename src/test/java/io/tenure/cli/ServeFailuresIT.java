package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tenure.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Known reasons a command cannot run are one line and exit code 1, never a stack trace. */
class ServeFailuresIT {

  private record Run(int exitCode, String errors) {}

  private static Run run(String... args) {
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      CommandLine commandLine = Main.commandLine(Map.<String, String>of()::get);
      StringWriter errors = new StringWriter();
      commandLine.setOut(new PrintWriter(new StringWriter()));
      commandLine.setErr(new PrintWriter(errors));
      return new Run(commandLine.execute(args), errors.toString());
    });
  }

  @Test
  void aPortInUseIsOneLineAndExitCodeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Run run = run("serve", "--port", Integer.toString(taken.getLocalPort()), "--database", TestDatabases.fresh());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.errors().lines().toList())
          .containsExactly("Port " + taken.getLocalPort() + " is already in use; choose another with --port or TENURE_PORT.");
    }
  }

  @Test
  void anUnreachableDatabaseIsOneLineAndExitCodeOne() {
    for (String command : new String[] {"serve", "audit"}) {
      Run run = run(command, "--database", "jdbc:postgresql://127.0.0.1:1/tenure?user=tenure&password=hunter2");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.errors().lines().toList()).singleElement().asString()
          .startsWith("The database at jdbc:postgresql://127.0.0.1:1/tenure?user=tenure&password=*** cannot be reached: ")
          .doesNotContain("hunter2", "Exception");
    }
  }
}
