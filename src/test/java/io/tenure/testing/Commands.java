package io.tenure.testing;

import io.tenure.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code tenure} subcommands in the test JVM, capturing what they print. */
public final class Commands {

  private Commands() {}

  /** What a command printed and its exit code. */
  public record Run(int exitCode, String output) {
    public String lastLine() {
      String[] lines = output.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  public static Run run(String... arguments) {
    var commandLine = Main.commandLine();
    StringWriter output = new StringWriter();
    commandLine.setOut(new PrintWriter(output));
    commandLine.setErr(new PrintWriter(output));
    int exitCode = commandLine.execute(arguments);
    return new Run(exitCode, output.toString());
  }

  /** {@code tenure audit --database <url>}. */
  public static Run audit(String databaseUrl) {
    return run("audit", "--database", databaseUrl);
  }
}
