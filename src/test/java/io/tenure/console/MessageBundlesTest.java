package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The console's words: each key once per bundle (a second one silently wins), and the same keys in every language. */
class MessageBundlesTest {

  private static List<String> keys(String bundle) throws IOException {
    try (InputStream input = MessageBundlesTest.class.getResourceAsStream("/console/" + bundle)) {
      List<String> keys = new ArrayList<>();
      for (String line : new String(input.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
          keys.add(trimmed.substring(0, trimmed.indexOf('=')).strip());
        }
      }
      return keys;
    }
  }

  @Test
  void everyKeyIsDefinedOncePerBundleAndInBothLanguages() throws IOException {
    List<String> english = keys("messages.properties");
    List<String> chinese = keys("messages_zh_CN.properties");
    Set<String> seen = new HashSet<>();
    assertThat(english.stream().filter(key -> !seen.add(key)).toList()).as("keys given twice in English").isEmpty();
    seen.clear();
    assertThat(chinese.stream().filter(key -> !seen.add(key)).toList()).as("keys given twice in Chinese").isEmpty();
    assertThat(Set.copyOf(chinese)).isEqualTo(Set.copyOf(english));
  }
}
