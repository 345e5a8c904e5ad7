package io.tenure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's walk-through as a reader pastes it, so that the README cannot drift from what Tenure does.
 *
 * <p>The rule, stated in the README's "Testing" section: a fence opened with {@code ```sh walkthrough} is run,
 * in order, by {@code bash -euo pipefail}; every other block is only shown. The server is this test's own, started
 * at the {@code --start} of the README's {@code bin/tenure serve … --clock simulated} line; that line's port and
 * operator key are replaced by the test server's in the blocks that run.
 */
class ReadmeIT {
  private static final Path README = Path.of("README.md");
  private static final String WALKTHROUGH = "sh walkthrough";

  /** A fenced block of the README: its info string (after the backticks), the line it opens on, its text. */
  record Block(String info, int line, String text) {}

  /** How the README tells the reader to start the server the walk-through talks to. */
  record ServerLine(String port, String start, String operatorKey) {}

  @Test
  void theWalkThroughRunsAsPastedAndShowsTheAmountsAndDatesItClaims() throws Exception {
    List<Block> blocks = blocks(Files.readAllLines(README, StandardCharsets.UTF_8));
    ServerLine server = serverLine(blocks);
    List<Block> walkthrough = blocks.stream().filter(block -> block.info().equals(WALKTHROUGH)).toList();
    assertThat(walkthrough).as("blocks marked ```%s", WALKTHROUGH).isNotEmpty();

    try (TestServer tenure = TestServer.simulatedAt(server.start())) {
      StringBuilder script = new StringBuilder();
      for (Block block : walkthrough) {
        assertThat(block.text()).as("README line %d talks to the server started above", block.line())
            .contains("localhost:" + server.port()).contains(server.operatorKey());
        script.append(block.text()
            .replace("localhost:" + server.port(), tenure.baseUrl().replace("http://", ""))
            .replace(server.operatorKey(), TestServer.OPERATOR_KEY));
      }
      String output = runWithBash(script.toString());

      assertThat(output).contains(
          "\"total\": \"193.75\"",                                    // 180.00 + 5 × 2.75
          "\"end\": \"2023-04-08T23:59:59+08:00\"",                   // one month, to the end of the day
          "{\"now\":\"2023-04-17T15:50:04+08:00\"}",                  // 40 days later
          "\"phase\": \"FROZEN\"",
          "2023-04-09T00:00:00+08:00  ENTERED_GRACE  GRACE",          // V3: 7 days of grace from D+1
          "2023-04-16T00:00:00+08:00  ENTERED_FROZEN  FROZEN",        // then 7 days frozen
          "2023-04-23T00:00:00+08:00  RELEASED  RELEASED",            // projected release
          "\"end\": \"2023-05-08T23:59:59+08:00\"",                   // the renewal counts from the old end
          "\"balance\": \"612.50\"");                                 // 1000.00 - 2 × 193.75
    }
  }

  @Test
  void theFirstShellBlockRunsTenureAndRunsTheTests() throws IOException {
    Block first = blocks(Files.readAllLines(README, StandardCharsets.UTF_8)).getFirst();
    assertThat(first.info()).isEqualTo("sh");
    assertThat(first.text().lines().map(String::strip))
        .anyMatch(line -> line.startsWith("bin/tenure serve "))
        .anyMatch(line -> line.startsWith("./mvnw verify "));
  }

  static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    String info = null;
    int opened = 0;
    StringBuilder text = new StringBuilder();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      if (!line.startsWith("```")) {
        if (info != null) {
          text.append(line).append('\n');
        }
      } else if (info == null) {
        info = line.substring(3).strip();
        opened = number;
        text.setLength(0);
      } else {
        blocks.add(new Block(info, opened, text.toString()));
        info = null;
      }
    }
    assertThat(info).as("a fence opened at README line %d is closed", opened).isNull();
    return blocks;
  }

  private static ServerLine serverLine(List<Block> blocks) {
    for (Block block : blocks) {
      for (String line : block.text().lines().toList()) {
        if (line.startsWith("bin/tenure serve ") && line.contains("--clock simulated")) {
          Matcher key = Pattern.compile("TENURE_OPERATOR_KEY=(\\S+)").matcher(block.text());
          assertThat(key.find()).as("README line %d's block sets TENURE_OPERATOR_KEY", block.line()).isTrue();
          assertThat(key.group(1)).as("an operator key is at least 16 characters").hasSizeGreaterThanOrEqualTo(16);
          return new ServerLine(option(line, "--port"), option(line, "--start"), key.group(1));
        }
      }
    }
    throw new AssertionError("README.md has no 'bin/tenure serve ... --clock simulated' line to start the walk-through's server");
  }

  private static String option(String line, String name) {
    Matcher option = Pattern.compile(Pattern.quote(name) + "[ =](\\S+)").matcher(line);
    assertThat(option.find()).as("%s in: %s", name, line).isTrue();
    return option.group(1);
  }

  /** Runs the script as a reader's shell would, but stopping at the first failing step; answers its output. */
  private static String runWithBash(String script) throws Exception {
    Path directory = Files.createTempDirectory("tenure-readme");
    Path file = Files.writeString(directory.resolve("walkthrough.sh"), script);
    Path output = directory.resolve("output.txt");
    ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", file.toString())
        .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().remove("TENURE_OPERATOR_KEY");
    Process bash = builder.start();
    boolean ended = bash.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      bash.destroyForcibly().waitFor();
    }
    String printed = Files.readString(output);
    assertThat(ended).as("the walk-through ended within 120 s; it printed:%n%s", printed).isTrue();
    assertThat(bash.exitValue()).as("exit code of the walk-through (it needs curl 7.82+ and jq); it printed:%n%s", printed)
        .isZero();
    return printed;
  }
}
