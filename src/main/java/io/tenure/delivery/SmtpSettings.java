package io.tenure.delivery;

import io.tenure.error.Echo;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how e-mail is sent, checked when built: a bad value throws {@link IllegalArgumentException} with a
 * sentence that names the setting (the password is never repeated).
 *
 * @param host the SMTP server
 * @param port its port, 1 to 65535
 * @param security the connection's protection
 * @param username the login, when the server wants one
 * @param password the login's password; present exactly when the username is
 * @param from the sender as {@code Display Name <address>} or a bare address; the display name may be any language
 * @param timeout the longest wait to connect and for each answer of the server
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, Optional<String> username,
    Optional<String> password, String from, Duration timeout) {

  public static final Duration TIMEOUT_MIN = Duration.ofMillis(100);
  public static final Duration TIMEOUT_MAX = Duration.ofMinutes(5);

  public SmtpSettings {
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(timeout, "timeout");
    check(host != null && !host.isBlank() && host.strip().equals(host) && !host.contains(" "), "SMTP host", host,
        "must be a host name or address");
    check(port >= 1 && port <= 65_535, "SMTP port", port, "must be between 1 and 65535");
    check(username.isPresent() == password.isPresent(), "SMTP username",
        username.orElse("(none)"), "must be given together with the SMTP password");
    check(timeout.compareTo(TIMEOUT_MIN) >= 0 && timeout.compareTo(TIMEOUT_MAX) <= 0, "SMTP timeout",
        timeout.toMillis() + " ms", "must be between 100 and 300000 milliseconds");
    sender(from);
  }

  /** Names every setting but the password, so that a logged or printed settings object shows no secret. */
  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username="
        + username.orElse("(none)") + ", password=" + password.map(hidden -> "(hidden)").orElse("(none)") + ", from="
        + from + ", timeout=" + timeout + "]";
  }

  /** The from-address as a parsed address, its display name kept as given (encoded as UTF-8 when sent). */
  InternetAddress sender() {
    return sender(from);
  }

  private static InternetAddress sender(String from) {
    try {
      InternetAddress address = new InternetAddress(Objects.requireNonNullElse(from, ""), true);
      if (address.getAddress() == null || !address.getAddress().contains("@")) {
        throw new AddressException("no address");
      }
      return address;
    } catch (AddressException failure) {
      throw new IllegalArgumentException("Invalid SMTP from-address '" + Echo.of(from)
          + "': must be an address like noreply@example.com or Name <noreply@example.com>.");
    }
  }

  private static void check(boolean valid, String setting, Object value, String rule) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid " + setting + " '" + Echo.of(value) + "': " + rule + ".");
    }
  }
}
