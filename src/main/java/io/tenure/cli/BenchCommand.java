package io.tenure.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenure bench}: benchmarks of Tenure's moving parts, one subcommand each; alone it prints its usage. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks on a throwaway database; see docs/performance.md.",
    subcommands = {BenchLifecycleCommand.class, BenchTimeTravelCommand.class, BenchApiCommand.class,
        BenchEntitlementsCommand.class, BenchNoticesCommand.class, BenchIngestCommand.class, BenchSettleCommand.class})
final class BenchCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
