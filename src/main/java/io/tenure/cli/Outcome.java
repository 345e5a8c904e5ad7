package io.tenure.cli;

import io.tenure.ledger.Audit;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/** What {@code bench api} measured and checked, printed with the summary line last. */
record Outcome(int clients, double rate, ApiLoad.Result load, long committed, OptionalLong databaseCpuNanos, String durability, double ceiling,
    ChargeCheck.Result charges, Audit.Report audit) {

  int print(PrintWriter out) {
    double seconds = load.measuredNanos() / 1e9;
    long failures = 0;
    for (ApiLoad.Call call : ApiLoad.Call.values()) {
      long[] samples = load.latencies().get(call);
      failures += load.failures().get(call);
      out.println(String.format(Locale.ROOT, "%-15s %7.0f calls/s, p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms, %d failed",
          call.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ":", samples.length / seconds, percentile(samples, 0.50),
          percentile(samples, 0.99), percentile(samples, 1.0), load.failures().get(call)));
    }
    out.println(load.cpu());
    long calls = Math.max(load.calls(), 1);
    out.printf(Locale.ROOT, "database: %d transactions committed during the load, %.1f per call%s%n", committed,
        committed / (double) calls, databaseCpuNanos.isPresent()
            ? String.format(Locale.ROOT, ", PostgreSQL cpu %.2f ms per call", databaseCpuNanos.getAsLong() / 1e6 / calls) : "");
    load.measured().ifPresent(window -> out.printf(Locale.ROOT, "after the warm-up of %.1f s (%d calls): %s%s%s%n",
        load.warmUpSeconds(), window.calls(),
        window.cpu(), window.postgresNanos().isPresent()
            ? String.format(Locale.ROOT, "; PostgreSQL cpu %.2f ms per call", window.postgresNanos().getAsLong() / 1e6 / window.calls())
            : "", window.machine().map(machine -> "; " + machine).orElse("")));
    load.failureSamples().forEach(sample -> out.println("failed: " + sample));
    charges.mismatches().stream().limit(10).forEach(mismatch -> out.println("charged wrongly: " + mismatch));
    out.printf("charges: %d accounts, acknowledged balance %s, stored %s: %s%n", charges.accounts(),
        charges.acknowledged(), charges.balances(), charges.passed() ? "OK" : charges.mismatches().size() + " mismatch(es)");
    audit.problems().forEach(problem -> out.println("audit: MISMATCH " + problem));
    out.printf("audit: %d transactions, %d wallets checked: %s%n", audit.transactions(), audit.wallets(),
        audit.passed() ? "OK" : audit.problems().size() + " problem(s)");
    out.println(rate > 0
        ? String.format(Locale.ROOT, "schedule: %d clients sending %.0f calls/s together, latency from each call's due instant", clients, rate)
        : String.format(Locale.ROOT, "schedule: %d clients each sending its next call when the last is answered", clients));
    out.printf(Locale.ROOT, "commit ceiling: %d connections, %s%n", clients, durability);
    long[] all = load.latencies().values().stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
    out.println(String.format(Locale.ROOT, "api: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, commit ceiling %.0f/s",
        all.length / seconds, percentile(all, 0.50), percentile(all, 0.99), percentile(all, 1.0), ceiling));
    out.flush();
    return failures == 0 && charges.passed() && audit.passed() ? 0 : 1;
  }

  /** The latency in ms below which {@code share} of the sorted samples lie (nearest rank). */
  private static double percentile(long[] sorted, double share) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(share * sorted.length);
    return sorted[Math.max(rank - 1, 0)] / 1e6;
  }
}
