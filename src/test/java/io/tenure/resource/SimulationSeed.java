package io.tenure.resource;

import java.security.SecureRandom;

/**
 * The seed of a randomized test: {@code -Dsim.seed=<n>} replays a run, otherwise a fresh seed is drawn.
 * The seed is printed, and every assertion message carries it, so a failure can always be replayed.
 */
record SimulationSeed(String testName, long value) {

  static SimulationSeed of(String testName) {
    String property = System.getProperty("sim.seed");
    long value = property == null || property.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(property.strip());
    SimulationSeed seed = new SimulationSeed(testName, value);
    System.out.println(seed.describe());
    return seed;
  }

  java.util.Random random() {
    return new java.util.Random(value);
  }

  /** Prefixes {@code detail} with the replay instructions. */
  String describe(String format, Object... arguments) {
    return describe() + ": " + String.format(format, arguments);
  }

  String describe() {
    return testName + " seed=" + value + " (replay with -Dsim.seed=" + value + ")";
  }
}
