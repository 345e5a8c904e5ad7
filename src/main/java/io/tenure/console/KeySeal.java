package io.tenure.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a session's API key under a key derived from the session's cookie token (AES-GCM), so the stored row is
 * useless without the browser's cookie, and any Tenure node that receives the cookie can open it.
 */
final class KeySeal {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private KeySeal() {}

  static byte[] seal(String token, String apiKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, token, nonce, apiKey.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  static String open(String token, byte[] sealed) {
    byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
    byte[] body = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
    return new String(cipher(Cipher.DECRYPT_MODE, token, nonce, body), StandardCharsets.UTF_8);
  }

  private static byte[] cipher(int mode, String token, byte[] nonce, byte[] input) {
    try {
      // A key of its own for sealing: the row's id is the token's plain SHA-256, so the two must differ.
      byte[] key = MessageDigest.getInstance("SHA-256").digest(("tenure console seal\n" + token).getBytes(StandardCharsets.UTF_8));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException failure) {
      throw new IllegalStateException("The session's key could not be sealed or opened.", failure);
    }
  }
}
