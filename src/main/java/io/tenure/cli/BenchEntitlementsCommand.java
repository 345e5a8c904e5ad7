package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.Tenure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenure bench entitlements}: C keep-alive clients read {@code GET /v1/resources/{id}/entitlements} of random
 * resources (some held) from a Tenure it starts itself, then the same read as a bare SQL loop from C connections,
 * its ceiling. The last line is the summary.
 */
@Command(name = "entitlements", mixinStandardHelpOptions = true,
    description = {"Starts Tenure on an embedded PostgreSQL in a new temporary directory, buys R resources over the API "
        + "(a tenth of them held, some by feature), then runs C clients, each on one keep-alive connection, reading "
        + "random resources' entitlements; then the same statement from C JDBC connections (the ceiling).",
        "The last line is: entitlements: <N> answers/s, p50 <A> ms, p99 <B> ms, ceiling <M> reads/s (<P>% of it)"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran, every answer was 200", "1:an answer was not 200", "2:bad option"})
final class BenchEntitlementsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--clients", paramLabel = "C", defaultValue = "4",
      description = {"Concurrent clients (and connections for the ceiling), 1 to 256.", "Default: ${DEFAULT-VALUE}"})
  int clients;

  @Option(names = "--resources", paramLabel = "R", defaultValue = "200",
      description = {"Resources bought before the load, 1 to 100000.", "Default: ${DEFAULT-VALUE}"})
  int resources;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
      description = {"Measured duration of each of the two loads, after a warm-up of a third of it.", "Default: ${DEFAULT-VALUE}"})
  double seconds;

  @Option(names = "--pool-size", paramLabel = "N", defaultValue = "10",
      description = {"The started Tenure's database connections, 2 to 200.", "Default: ${DEFAULT-VALUE}"})
  int poolSize;

  @Override
  public Integer call() throws Exception {
    OptionChecks.within(spec, "--clients", clients, new Settings.Range(1, 256));
    OptionChecks.within(spec, "--resources", resources, new Settings.Range(1, 100_000));
    OptionChecks.within(spec, "--pool-size", poolSize, Settings.POOL_SIZE);
    Path temporary = Files.createTempDirectory("tenure-bench-entitlements-");
    ZoneId zone = DatabaseOptions.operatorZone(Environment.of(spec).get("TENURE_ZONE"));
    Settings settings = new Settings(0, temporary, Optional.empty(), false, Instant.now(), zone,
        Optional.of(BenchApiCommand.OPERATOR_KEY), poolSize, 1 << 20, 1000, 2);
    EntitlementLoad.Result http;
    EntitlementLoad.Result bare;
    try (Tenure tenure = Tenure.start(settings)) {
      String baseUrl = "http://localhost:" + tenure.port();
      List<String> ids = load(baseUrl);
      String jdbcUrl = Files.readString(temporary.resolve("postgres.url")).strip();
      http = EntitlementLoad.overHttp(baseUrl, BenchApiCommand.OPERATOR_KEY, ids, clients, seconds);
      bare = EntitlementLoad.bareSql(jdbcUrl, ids, clients, seconds);
    } finally {
      BenchDatabase.deleteRecursively(temporary);
    }
    var out = spec.commandLine().getOut();
    out.println(http.cpu().replace("per call", "per answer"));
    out.printf("ceiling: the same statement from %d JDBC connections, no HTTP, no JSON: %.0f reads/s%n", clients, bare.perSecond());
    out.printf("entitlements: %.0f answers/s, p50 %.2f ms, p99 %.2f ms, ceiling %.0f reads/s (%.0f%% of it)%n",
        http.perSecond(), http.p50Millis(), http.p99Millis(), bare.perSecond(), 100 * http.perSecond() / bare.perSecond());
    out.flush();
    return http.failures() == 0 ? 0 : 1;
  }

  /** Ten accounts share the resources; every tenth resource is held, alternately whole and its public links. */
  private List<String> load(String baseUrl) {
    EntitlementLoad.Operator operator = new EntitlementLoad.Operator(baseUrl, BenchApiCommand.OPERATOR_KEY);
    List<String> accounts = new ArrayList<>();
    for (int number = 0; number < Math.min(10, resources); number++) {
      String account = operator.post("/v1/accounts", Map.of("name", "Bench " + number, "tier", "V3",
          "contacts", List.of(Map.of("name", "Owner", "role", "OWNER", "email", "owner@example.com")))).path("id").asText();
      operator.post("/v1/accounts/" + account + "/top-ups", Map.of("amount", "100000000.00"));
      accounts.add(account);
    }
    List<String> ids = new ArrayList<>();
    for (int number = 0; number < resources; number++) {
      String id = operator.post("/v1/resources", Map.of("accountId", accounts.get(number % accounts.size()),
          "plan", "tencent-drive-enterprise", "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1)))
          .path("id").asText();
      if (number % 10 == 0) {
        operator.post("/v1/holds", number % 20 == 0
            ? Map.of("scope", "RESOURCE", "targetId", id, "reason", "VIOLATION", "note", "Bench.")
            : Map.of("scope", "FEATURE", "targetId", id, "feature", "public-links", "reason", "VIOLATION", "note", "Bench."));
      }
      ids.add(id);
    }
    return ids;
  }
}
