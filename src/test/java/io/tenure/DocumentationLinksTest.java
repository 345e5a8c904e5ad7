package io.tenure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ stand alone: every relative link names a file of this repository. */
class DocumentationLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void everyRelativeLinkOfTheReadmeAndTheDocsNamesAFileOfTheRepository() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    List<String> broken = new ArrayList<>();
    for (Path document : documents()) {
      Matcher link = LINK.matcher(Files.readString(document));
      while (link.find()) {
        String target = link.group(1).replaceFirst("#.*", "");
        if (target.isEmpty() || target.matches("[a-z]+:.*")) {
          continue;
        }
        Path resolved = document.toAbsolutePath().getParent().resolve(target).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          broken.add(root.relativize(document.toAbsolutePath()) + " -> " + link.group(1));
        }
      }
    }
    assertThat(broken).as("links that lead nowhere, or out of the repository").isEmpty();
  }

  @Test
  void noDocumentPointsToTheWorkspaceOutsideTheRepository() throws IOException {
    for (Path document : documents()) {
      assertThat(Files.readString(document)).as(document.toString()).doesNotContain("../shared").doesNotContain("SPEC.md");
    }
  }

  private static List<Path> documents() throws IOException {
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      return Stream.concat(Stream.of(Path.of("README.md")), docs.filter(path -> path.toString().endsWith(".md")).sorted())
          .toList();
    }
  }
}
