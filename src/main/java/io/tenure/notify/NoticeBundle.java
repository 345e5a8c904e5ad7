package io.tenure.notify;

import io.tenure.account.AccountLocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the notices in one language, from {@code notices/notices_<locale>.properties}, read as UTF-8
 * whatever the platform's default. A text names the values it needs as {@code {plan}}; a missing key or a
 * placeholder with no value is a bug in Tenure and fails loudly instead of showing a fallback. Immutable.
 */
final class NoticeBundle {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private final Properties texts;

  private NoticeBundle(Properties texts) {
    this.texts = texts;
  }

  /** The bundle of {@code locale}, loaded from the classpath. */
  static NoticeBundle load(AccountLocale locale) {
    String name = "/notices/notices_" + locale.locale().toString() + ".properties";
    try (InputStream stream = NoticeBundle.class.getResourceAsStream(name)) {
      if (stream == null) {
        throw new IllegalStateException("The notice bundle " + name + " is missing from the classpath.");
      }
      Properties texts = new Properties();
      try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
        texts.load(reader);
      }
      return new NoticeBundle(texts);
    } catch (IOException failure) {
      throw new UncheckedIOException("Cannot read the notice bundle " + name + ".", failure);
    }
  }

  Set<String> keys() {
    return texts.stringPropertyNames();
  }

  boolean has(String key) {
    return texts.containsKey(key);
  }

  /** The text of {@code key} as it is written, placeholders and all. */
  String raw(String key) {
    String text = texts.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("The notice bundle has no text '" + key + "'.");
    }
    return text;
  }

  /** The text of {@code key} with each {@code {name}} replaced by its value; values are not scanned again. */
  String text(String key, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(raw(key));
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalStateException("The notice text '" + key + "' needs {" + placeholder.group(1) + "}, which this notice lacks.");
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return placeholder.appendTail(filled).toString();
  }
}
