package io.tenure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged program, run as an operator runs it: a cold start answers quickly, prints the operator key
 * once, and after a {@code kill -9} a restart on the same data directory keeps the data and the key.
 */
class LauncherIT {
  private static final Pattern KEY = Pattern.compile("Operator API key \\(shown once, keep it safe\\): (\\S+)");
  private static final Pattern PORT = Pattern.compile("running on http://localhost:(\\d+)");

  private record Started(Process process, int port, String operatorKey, Duration startup, List<String> output) {}

  /** {@code tenure <arguments>} in a new process, with {@code environment} added to a clean Tenure environment. */
  private static Process launch(Map<String, String> environment, String... arguments) throws IOException {
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaBinary, "-cp",
        "target/tenure.jar" + File.pathSeparator + "target/lib/*", "io.tenure.cli.Main"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(variable -> variable.startsWith("TENURE_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static Process launchServe(Path dataDirectory, Map<String, String> environment) throws IOException {
    return launch(environment, "serve", "--port", "0", "--clock", "simulated", "--start", "2023-03-08T15:50:04+08:00",
        "--data-dir", dataDirectory.toString());
  }

  /** A command that is expected to end by itself: its exit code and everything it printed. */
  private record Ended(int exitCode, List<String> output) {}

  private static Ended runToEnd(Process process) throws Exception {
    CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        return reader.lines().toList();
      } catch (IOException failure) {
        throw new IllegalStateException(failure);
      }
    });
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
      throw new IllegalStateException("the command did not end within 60 s; it printed: " + output.getNow(List.of()));
    }
    return new Ended(process.exitValue(), output.get(10, TimeUnit.SECONDS));
  }

  private static Started serve(Path dataDirectory) throws Exception {
    return serve(dataDirectory, Map.of());
  }

  private static Started serve(Path dataDirectory, Map<String, String> environment) throws Exception {
    long start = System.nanoTime();
    Process process = launchServe(dataDirectory, environment);
    List<String> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Started> started = CompletableFuture.supplyAsync(() -> {
      String key = null;
      // Not closed here: once serving, the reader goes on to a drain thread, and closing it while that thread
      // waits in readLine would block until the program printed again.
      BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          seen.add(line);
          Matcher keyLine = KEY.matcher(line);
          Matcher portLine = PORT.matcher(line);
          if (keyLine.find()) {
            key = keyLine.group(1);
          } else if (portLine.find()) {
            Started result = new Started(process, Integer.parseInt(portLine.group(1)), key,
                Duration.ofNanos(System.nanoTime() - start), List.copyOf(seen));
            Thread.ofVirtual().start(() -> drain(output));
            return result;
          }
        }
      } catch (IOException failure) {
        throw new IllegalStateException(failure);
      }
      throw new IllegalStateException("tenure serve ended without serving");
    });
    try {
      return started.get(60, TimeUnit.SECONDS);
    } catch (Exception failure) {
      // A graceful stop, so that the program stops the PostgreSQL it started; forcibly only if it hangs.
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      throw new IllegalStateException("tenure serve did not start; it printed: " + seen, failure);
    }
  }

  private static void drain(BufferedReader output) {
    try {
      while (output.readLine() != null) {
        // Keep the child's output pipe from filling up.
      }
    } catch (IOException closed) {
      // The child is gone.
    }
  }

  @Test
  void restartAfterKillNineKeepsDataAndTheOperatorKey() throws Exception {
    Path dataDirectory = Files.createTempDirectory("tenure-launcher");
    Started first = serve(dataDirectory);
    String accountId;
    boolean readyForKill = false;
    try {
      assertThat(first.startup()).as("cold start to serving").isLessThan(Duration.ofSeconds(20));
      assertThat(first.operatorKey()).startsWith("tnr_");
      HttpApi operator = HttpApi.at("http://localhost:" + first.port(), first.operatorKey());
      assertThat(operator.get("/health").text()).isEqualTo("{\"status\":\"UP\"}");
      accountId = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, accountId, "12.34");
      assertThat(operator.post("/v1/clock/advance", Map.of("days", 31)).get("now")).isEqualTo("2023-04-08T15:50:04+08:00");
      readyForKill = true;
    } finally {
      if (readyForKill) {
        first.process().destroyForcibly().waitFor();
      } else {
        // No restart follows to stop the PostgreSQL a kill would leave behind, so a graceful stop.
        first.process().destroy();
        first.process().waitFor(30, TimeUnit.SECONDS);
      }
    }

    Started second = serve(dataDirectory);
    try {
      assertThat(second.operatorKey()).as("no new key is printed").isNull();
      assertThat(second.output()).anyMatch(line -> line.startsWith("Operator API key: created at an earlier start"))
          .noneMatch(line -> line.contains(first.operatorKey()));
      HttpApi operator = HttpApi.at("http://localhost:" + second.port(), first.operatorKey());
      assertThat(operator.get("/v1/accounts/" + accountId).get("balance")).isEqualTo("12.34");
      assertThat(operator.get("/v1/clock").get("now")).isEqualTo("2023-04-08T15:50:04+08:00");
    } finally {
      second.process().destroy();
      second.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecondServeOnALiveOwnersDataDirectoryIsRefusedInOneLineAndTheFirstKeepsServing() throws Exception {
    Path dataDirectory = Files.createTempDirectory("tenure-launcher");
    String operatorKey = "launcher-test-operator-key";
    Started first = serve(dataDirectory, Map.of("TENURE_OPERATOR_KEY", operatorKey));
    try {
      assertThat(first.output()).as("the key's source is named, the key never shown")
          .contains("Operator API key: the one set by the environment variable TENURE_OPERATOR_KEY (not shown).")
          .noneMatch(line -> line.contains(operatorKey));

      Ended second = runToEnd(launchServe(dataDirectory, Map.of()));
      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.output()).hasSize(1);
      assertThat(second.output().getFirst()).matches("\\Q" + dataDirectory + "\\E is in use by tenure pid "
          + first.process().pid() + " since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\+08:00\\)\\.");

      HttpApi operator = HttpApi.at("http://localhost:" + first.port(), operatorKey);
      assertThat(operator.get("/health").text()).isEqualTo("{\"status\":\"UP\"}");
      String accountId = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, accountId, "5.00");
      assertThat(operator.get("/v1/accounts/" + accountId).get("balance")).isEqualTo("5.00");

      Ended audit = runToEnd(launch(Map.of(), "audit", "--data-dir", dataDirectory.toString()));
      assertThat(audit.exitCode()).as("audit reaches the running server's database: %s", audit.output()).isZero();
      assertThat(audit.output().getLast()).endsWith("OK");
      assertThat(operator.get("/health").text()).isEqualTo("{\"status\":\"UP\"}");
    } finally {
      first.process().destroy();
      first.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
