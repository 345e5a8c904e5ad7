package io.tenure.store;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Identifiers for everything Tenure stores: a prefix naming the kind ({@code acc_}, {@code res_}), then a
 * time-ordered part and a random part, so ids sort roughly by creation and never collide. Thread-safe.
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    return prefix + "_" + encode(Instant.now().toEpochMilli(), 9) + encode(RANDOM.nextLong() & Long.MAX_VALUE, 12);
  }

  /** A random secret of {@code length} characters, for API keys and webhook secrets. */
  public static String secret(int length) {
    StringBuilder secret = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return secret.toString();
  }

  private static String encode(long value, int length) {
    char[] characters = new char[length];
    for (int i = length - 1; i >= 0; i--) {
      characters[i] = ALPHABET[(int) (value & 31)];
      value >>>= 5;
    }
    return new String(characters);
  }
}
