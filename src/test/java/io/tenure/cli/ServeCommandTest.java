package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Settings;
import io.tenure.account.AccountLocale;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  private record Run(int exitCode, String output, String errors) {}

  private static Run run(String... args) {
    return runWith(Map.of(), args);
  }

  /** Runs with exactly {@code environment} as the process's variables (none of the real ones). */
  private static Run runWith(Map<String, String> environment, String... args) {
    CommandLine commandLine = Main.commandLine(environment::get);
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
        "TENURE_DATABASE_URL", "--clock", "TENURE_CLOCK", "--start", "TENURE_START", "TENURE_OPERATOR_KEY", "Default: 8080",
        "--default-locale", "TENURE_DEFAULT_LOCALE");
  }

  @Test
  void helpPrintsEachDefaultOnceAndWholeOnItsOwnLine() {
    for (String[] command : new String[][] {{"serve", "--help"}, {"audit", "--help"}, {"bench", "lifecycle", "--help"}}) {
      String help = run(command).output();
      long options = help.lines().filter(line -> line.matches("^\\s+(-\\w, )?--[a-z-]+.*")).count();
      long defaults = help.lines().filter(line -> line.strip().startsWith("Default: ")).count();
      assertThat(defaults).as("one default line per option except --help and --version in %s", String.join(" ", command))
          .isEqualTo(options - 2);
      assertThat(help).as("no default cut over two lines").doesNotContain("Default: .\n").contains("Default: ");
    }
    assertThat(run("serve", "--help").output()).contains("Default: ./data\n");
  }

  @Test
  void benchLifecycleHelpSaysItsDataDirectoryIsTemporaryByDefault() {
    String help = run("bench", "lifecycle", "--help").output();
    assertThat(help).contains("Default: a new temporary one, deleted afterwards").doesNotContain("./data");
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
  void aBadOptionPrintsOneLineAndAPointerToHelpNotTheUsage() {
    Run run = run("serve", "--prot", "8080");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().lines().toList()).hasSize(2);
    assertThat(run.errors()).contains("'--prot'", "Run 'tenure serve --help' for the options.").doesNotContain("Usage:");
  }

  @Test
  void aNonNumericEnvironmentVariableIsNamedAsTheVariable() {
    Run run = runWith(Map.of("TENURE_PORT", "abc"), "serve");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().lines().findFirst().orElseThrow())
        .isEqualTo("Invalid value for environment variable TENURE_PORT: 'abc' is not a whole number.");
  }

  @Test
  void anOutOfRangeEnvironmentVariableIsNamedAsTheVariable() {
    Run run = runWith(Map.of("TENURE_DATABASE_POOL_SIZE", "500"), "serve");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).startsWith(
        "Invalid value for environment variable TENURE_DATABASE_POOL_SIZE: '500' must be between 2 and 200.");
  }

  @Test
  void anOptionOnTheCommandLineWinsOverItsVariableAndIsNamedAsTheOption() {
    Run run = runWith(Map.of("TENURE_PORT", "8080"), "serve", "--port=-1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).startsWith("Invalid value for option '--port': '-1' must be between 0 and 65535.");
  }

  @Test
  void aShortOperatorKeyIsNamedAsItsVariableWithoutShowingIt() {
    Run run = runWith(Map.of("TENURE_OPERATOR_KEY", "secret-short"), "serve");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("TENURE_OPERATOR_KEY", "at least 16 characters").doesNotContain("secret-short");
  }

  @Test
  void auditValidatesThePoolSizeLikeServe() {
    Run run = run("audit", "--pool-size", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).startsWith("Invalid value for option '--pool-size': '1' must be between 2 and 200.");
  }

  @Test
  void aMalformedDatabaseUrlIsAUsageErrorThatDoesNotRepeatTheUrl() {
    Run run = run("audit", "--database", "mysql://root:hunter2@db/tenure");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("--database", "jdbc:postgresql:").doesNotContain("hunter2");
  }

  @Test
  void anInvalidNoticeRoutingFileIsAUsageErrorNamingItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
      throws java.io.IOException {
    java.nio.file.Path file = directory.resolve("routing.yaml");
    java.nio.file.Files.writeString(file, "types:\n  EXPIRY_WARNING:\n    roles: [OWNER, PARTNER]\n");
    Run run = runWith(Map.of("TENURE_NOTICE_ROUTING", file.toString()), "serve");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().lines().findFirst().orElseThrow()).isEqualTo("Invalid value for environment variable "
        + "TENURE_NOTICE_ROUTING: " + file + ":3: types.EXPIRY_WARNING.roles[1]: 'PARTNER' is not one of "
        + "[OWNER, RESOURCE_COLLABORATOR, FINANCE_COLLABORATOR, COLLABORATOR].");
    Run missing = run("serve", "--notice-routing", directory.resolve("absent.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errors()).startsWith("Invalid value for option '--notice-routing': '" + directory.resolve("absent.yaml")
        + "' is not a readable file.");
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

  @Test
  void anUnknownDefaultLocaleIsAUsageErrorListingTheLocales() {
    Run run = runWith(Map.of("TENURE_DEFAULT_LOCALE", "fr"), "serve");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("TENURE_DEFAULT_LOCALE", "fr", "en, zh-CN");
  }

  @Test
  void theDefaultLocaleComesFromItsVariableAndIsEnglishWithoutIt() {
    assertThat(serveSettings(Map.of("TENURE_DEFAULT_LOCALE", "zh-CN")).defaultLocale()).isEqualTo(AccountLocale.ZH_CN);
    assertThat(serveSettings(Map.of()).defaultLocale()).isEqualTo(AccountLocale.EN);
  }

  @Test
  void thePaymentGatewayIsTheSandboxByDefaultAndAnUnknownOneOrTimeoutIsAUsageError() {
    assertThat(serveSettings(Map.of()).payments().gateway()).isEqualTo("sandbox");
    assertThat(serveSettings(Map.of("TENURE_PAYMENT_TIMEOUT_MS", "2500")).payments().timeout()).hasMillis(2500);
    Run stripe = run("serve", "--payment-gateway", "stripe");
    assertThat(stripe.exitCode()).isEqualTo(2);
    assertThat(stripe.errors()).contains("--payment-gateway", "stripe", "sandbox");
    Run quick = run("serve", "--payment-timeout-ms", "5");
    assertThat(quick.exitCode()).isEqualTo(2);
    assertThat(quick.errors()).contains("--payment-timeout-ms", "5");
  }

  private static Settings serveSettings(Map<String, String> environment) {
    CommandLine.ParseResult parsed = Main.commandLine(environment::get).parseArgs("serve");
    ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
    return serve.settings();
  }

  @Test
  void aLaterStartSaysWhereTheOperatorKeyComesFromWithoutShowingIt() {
    assertThat(OperatorKeyNotice.of(Optional.of("tnr_new"), false)).contains("shown once", "tnr_new");
    assertThat(OperatorKeyNotice.of(Optional.empty(), true))
        .contains("set by the environment variable TENURE_OPERATOR_KEY").doesNotContain("tnr_");
    assertThat(OperatorKeyNotice.of(Optional.empty(), false))
        .contains("created at an earlier start", "restart with TENURE_OPERATOR_KEY").doesNotContain("tnr_");
  }
}
