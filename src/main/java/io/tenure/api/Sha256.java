package io.tenure.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 digest of a text, in hex: how API keys and idempotent requests are stored. */
public final class Sha256 {
  /** One digest per thread: looking the algorithm up among the security providers on every call cost more than hashing. */
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  });

  private Sha256() {}

  public static String hex(String text) {
    // digest() resets the digest, so the next call of this thread starts clean.
    return HexFormat.of().formatHex(DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
