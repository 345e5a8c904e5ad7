package io.tenure.error;

/**
 * How an error message repeats a value the caller sent: at most {@value #LENGTH_MAX} characters, then
 * {@code …}, with control characters shown as {@code U+XXXX}, so that a message stays short and printable
 * whatever was sent. Thread-safe.
 */
public final class Echo {
  /** The most characters of a caller's value that an error message repeats. */
  public static final int LENGTH_MAX = 64;

  private Echo() {}

  /** {@code value} as an error message may repeat it; {@code null} reads {@code null}. */
  public static String of(Object value) {
    String text = String.valueOf(value);
    StringBuilder shown = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (count == LENGTH_MAX) {
        return shown.append('…').toString();
      }
      char character = text.charAt(i);
      if (Character.isISOControl(character) || Character.isSurrogate(character)) {
        shown.append(String.format("U+%04X", (int) character));
      } else {
        shown.append(character);
      }
      count++;
    }
    return shown.toString();
  }

  /** {@code message} with every run of more than {@value #LENGTH_MAX} non-blank characters cut, as a last guard. */
  public static String guard(String message) {
    StringBuilder guarded = new StringBuilder(Math.min(message.length(), 2_000));
    int run = 0;
    for (int i = 0; i < message.length() && guarded.length() < 2_000; i++) {
      char character = message.charAt(i);
      run = Character.isWhitespace(character) ? 0 : run + 1;
      if (run <= LENGTH_MAX) {
        guarded.append(character);
      } else if (run == LENGTH_MAX + 1) {
        guarded.append('…');
      }
    }
    // A sentence stays a sentence: the period a cut run swallowed is put back.
    if (message.endsWith(".") && guarded.charAt(guarded.length() - 1) != '.') {
      guarded.append('.');
    }
    return guarded.toString();
  }
}
