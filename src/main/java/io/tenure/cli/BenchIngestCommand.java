package io.tenure.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.tenure.Settings;
import io.tenure.Tenure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenure bench ingest}: usage events posted in batches of 1,000 by C keep-alive clients to a Tenure it starts on
 * the benchmark's database, a share of them resent, then the raw COPY rate of the same rows on the same database.
 * The last line is the summary.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Creates accounts with pay-as-you-go ecs-general resources, then runs C clients, each on one keep-alive "
        + "HTTP/1.1 connection, posting batches of 1000 usage events to POST /v1/usage, each batch after the first resending "
        + "a share of the previous one; then COPYs the same new rows into a plain table from C connections.",
        "Without --database or --data-dir it starts an embedded PostgreSQL in a new temporary directory and deletes it "
            + "afterwards; with either, the database must hold no usage events.",
        "The last line is: ingest: <N> events/s accepted, <M> duplicates detected, copy ceiling <C> rows/s"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran, every new event was stored once and every resend counted as a duplicate",
        "1:a call failed or the counts disagree", "2:bad option or environment variable"})
final class BenchIngestCommand implements Callable<Integer> {
  private static final String OPERATOR_KEY = "bench-operator-key-0123456789";

  @Spec
  CommandSpec spec;

  @Mixin
  BenchDatabase database;

  @Option(names = "--clients", paramLabel = "C", defaultValue = "4",
      description = {"Concurrent clients (and COPY connections for the ceiling), 1 to 64.", "Default: ${DEFAULT-VALUE}"})
  int clients;

  @Option(names = "--batches", paramLabel = "B", defaultValue = "125",
      description = {"Batches of 1000 events each client sends, 1 to 100000.", "Default: ${DEFAULT-VALUE}"})
  int batches;

  @Option(names = "--resend-share", paramLabel = "F", defaultValue = "0.1",
      description = {"Share of each batch (after a client's first) resent from its previous batch, 0 to 0.9.",
          "Default: ${DEFAULT-VALUE}"})
  double resendShare;

  @Option(names = "--resources", paramLabel = "N", defaultValue = "200",
      description = {"Pay-as-you-go resources the events are spread over, 1 to 100000.", "Default: ${DEFAULT-VALUE}"})
  int resources;

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "20",
      description = {"Accounts the resources belong to, 1 to 100000.", "Default: ${DEFAULT-VALUE}"})
  int accounts;

  @Override
  public Integer call() throws Exception {
    database.check(spec);
    OptionChecks.within(spec, "--clients", clients, new Settings.Range(1, 64));
    OptionChecks.within(spec, "--batches", batches, new Settings.Range(1, 100_000));
    OptionChecks.within(spec, "--resources", resources, new Settings.Range(1, 100_000));
    OptionChecks.within(spec, "--accounts", accounts, new Settings.Range(1, 100_000));
    if (!(resendShare >= 0 && resendShare <= 0.9)) {
      throw OptionChecks.invalid(spec, "--resend-share", String.valueOf(resendShare), "must be from 0 to 0.9");
    }
    PrintWriter out = spec.commandLine().getOut();
    return database.run(spec, opened -> {
      String jdbcUrl = ((HikariDataSource) opened.dataSource()).getJdbcUrl();
      ZoneId zone = DatabaseOptions.operatorZone(Environment.of(spec).get("TENURE_ZONE"));
      // The body limit is serve's default (8 MiB), which a batch of 10,000 events fits.
      Settings settings = new Settings(0, Path.of("unused"), Optional.of(jdbcUrl), false, Instant.now(), zone,
          Optional.of(OPERATOR_KEY), database.options.poolSize, 8L << 20, 1000, 2);
      IngestBenchmark.Result result;
      try (Tenure tenure = Tenure.start(settings)) {
        result = new IngestBenchmark("http://localhost:" + tenure.port(), OPERATOR_KEY, jdbcUrl, out)
            .run(clients, batches, resendShare, Math.min(accounts, resources), resources);
      } catch (Exception failure) {
        throw new IllegalStateException("bench ingest - " + failure.getMessage(), failure);
      }
      out.println(result.summary());
      out.flush();
      return result.passed() ? 0 : 1;
    });
  }
}
