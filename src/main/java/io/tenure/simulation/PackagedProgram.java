package io.tenure.simulation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to run the packaged Tenure ({@code target/tenure.jar} with its libraries in {@code target/lib}) in a new
 * process, the way {@code bin/tenure} runs it: the java of this process, and the jar found on this process's
 * class path (a program started by {@code bin/tenure}) or else under {@code target/} of the working directory
 * (the project's integration tests, which run after packaging).
 */
record PackagedProgram(String java, String classPath) {
  private static final String JAR = "tenure.jar";

  static PackagedProgram find() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = onClassPath().or(() -> Optional.of(Path.of("target", JAR)).filter(Files::isRegularFile))
        .orElseThrow(() -> new IllegalStateException("The packaged Tenure (" + JAR + ") is neither on the class path "
            + "nor in target/ of " + Path.of("").toAbsolutePath() + "; build it with ./mvnw -DskipTests package."));
    Path libraries = jar.toAbsolutePath().getParent().resolve("lib");
    return new PackagedProgram(java, jar.toAbsolutePath() + File.pathSeparator + libraries + File.separator + "*");
  }

  private static Optional<Path> onClassPath() {
    return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(File.separator + JAR) || entry.equals(JAR))
        .map(Path::of).filter(Files::isRegularFile).findFirst();
  }

  /** The command of {@code tenure <arguments>} in a JVM with {@code javaOptions}. */
  List<String> command(List<String> javaOptions, List<String> arguments) {
    List<String> command = new java.util.ArrayList<>();
    command.add(java);
    command.addAll(javaOptions);
    command.addAll(List.of("-cp", classPath, "io.tenure.cli.Main"));
    command.addAll(arguments);
    return command;
  }
}
