package io.tenure.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data directory of {@code serve} and {@code audit}: where the embedded PostgreSQL keeps its files. */
public final class DataDirectoryOption {

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
      description = {"Directory of the embedded PostgreSQL's files; kept across restarts. One running Tenure owns it "
          + "at a time.", "Env TENURE_DATA_DIR.", "Default: ${DEFAULT-VALUE}"})
  Path dataDirectory;
}
