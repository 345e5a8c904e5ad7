package io.tenure.cli;

import io.tenure.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The lifecycle engine's options, shared by {@code serve} and {@code bench lifecycle}. */
public final class EngineOptions {

  @Option(names = "--engine-workers", paramLabel = "N", defaultValue = "4",
      description = {"Concurrent workers of the lifecycle engine in this process, 1 to 16; each claims its own "
          + "batches.", "Env TENURE_ENGINE_WORKERS.", "Default: ${DEFAULT-VALUE}"})
  int engineWorkers;

  void check(CommandSpec spec) {
    OptionChecks.within(spec, "--engine-workers", engineWorkers, Settings.ENGINE_WORKERS);
  }
}
