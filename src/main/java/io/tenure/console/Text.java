package io.tenure.console;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word of the console, in one locale, from the bundle {@code console/messages} (en, zh-CN). A key missing
 * from the bundle shows as the key itself, never as an error page.
 */
public final class Text {
  public static final Locale ENGLISH = Locale.forLanguageTag("en");
  public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

  private final Locale locale;
  private final ResourceBundle bundle;

  private Text(Locale locale) {
    this.locale = locale;
    // The root bundle is English; no fallback to the JVM's default locale.
    this.bundle = ResourceBundle.getBundle("console.messages", locale, ResourceBundle.Control.getNoFallbackControl(
        ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static final Text EN = new Text(ENGLISH);
  private static final Text ZH = new Text(CHINESE);

  /** The text of a locale tag as accounts carry it ({@code en}, {@code zh-CN}); English for any other. */
  public static Text of(String localeTag) {
    return "zh-CN".equalsIgnoreCase(localeTag) ? ZH : EN;
  }

  public String get(String key, Object... arguments) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException missing) {
      return key;
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  /** The language tag for the page's {@code lang} attribute. */
  public String languageTag() {
    return locale.toLanguageTag();
  }
}
