package io.tenure.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Turns the database URL forms Tenure accepts into the JDBC URL the driver wants. */
final class JdbcUrl {

  private JdbcUrl() {}

  /**
   * Accepts {@code jdbc:postgresql://host:port/db?user=..&password=..} as it is, and the libpq form
   * {@code postgresql://user:password@host:port/db} (or {@code postgres://}) converted to it.
   */
  static String of(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return url;
    }
    if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw new IllegalArgumentException("database URL must start with jdbc:postgresql:, postgresql:// or postgres://, was '"
          + redact(url) + "'");
    }
    URI uri = URI.create(url);
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    if (uri.getRawUserInfo() != null) {
      String[] credentials = uri.getRawUserInfo().split(":", 2);
      query = append(query, "user=" + credentials[0]);
      if (credentials.length == 2) {
        query = append(query, "password=" + credentials[1]);
      }
    }
    return query.isEmpty() ? jdbc.toString() : jdbc.append('?').append(query).toString();
  }

  /** The URL with any password hidden, for messages and logs. */
  static String redact(String url) {
    return URLDecoder.decode(url, StandardCharsets.UTF_8).replaceAll("(password=)[^&]*", "$1***")
        .replaceAll("(//[^:/@]+:)[^@]*@", "$1***@");
  }

  private static String append(String query, String parameter) {
    return query.isEmpty() ? parameter : query + "&" + parameter;
  }
}
