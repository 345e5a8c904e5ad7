package io.tenure.delivery;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
  /** Plain text; for a relay on the same host or network only. */
  NONE(25),
  /** Plain connection upgraded with STARTTLS before anything is sent; refused when the server does not offer it. */
  STARTTLS(587),
  /** TLS from the first byte (SMTPS). */
  TLS(465);

  private final int defaultPort;

  SmtpSecurity(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** The port usually served with this protection. */
  public int defaultPort() {
    return defaultPort;
  }
}
