package io.tenure.console;

import io.tenure.api.Caller;
import io.tenure.api.Sha256;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The console's sessions, in PostgreSQL (V20) so that every Tenure node on the database knows them. A session
 * ends at sign-out or after {@link #IDLE} without a request; idleness is measured on the wall clock, never the
 * simulated one, so advancing the simulated clock signs nobody out. The only class of the console that runs SQL.
 */
public final class SessionStore {
  /** How long a session lives without a request. */
  public static final Duration IDLE = Duration.ofMinutes(30);
  /** A request refreshes the last-seen instant at most this often: one write per minute, not one per page. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final InstantSource wallClock;

  public SessionStore(Jdbi jdbi, InstantSource wallClock) {
    this.jdbi = jdbi;
    this.wallClock = wallClock;
  }

  /** Opens a session for {@code caller} signed in with {@code apiKey}; returns the cookie's token. */
  String open(Caller caller, String apiKey) {
    String token = randomToken();
    Instant now = wallClock.instant();
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO console_sessions (token_hash, scope, key_id, partner_id, account_id, sealed_key, csrf_token,
              created_at, last_seen_at)
            VALUES (:hash, :scope, :keyId, :partnerId, :accountId, :sealed, :csrf, :now, :now)
            """)
        .bind("hash", Sha256.hex(token)).bind("scope", caller.scope().name()).bind("keyId", caller.keyId())
        .bind("partnerId", caller.partnerId()).bind("accountId", caller.accountId())
        .bind("sealed", KeySeal.seal(token, apiKey)).bind("csrf", randomToken()).bind("now", now)
        .execute());
    return token;
  }

  /** The live session of {@code token}, its idle time restarted; empty when unknown or idle too long (then deleted). */
  Optional<Session> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = Sha256.hex(token);
    Instant now = wallClock.instant();
    return jdbi.inTransaction(handle -> {
      Optional<Row> row = handle.createQuery("""
              SELECT scope, key_id, partner_id, account_id, sealed_key, csrf_token, last_seen_at
              FROM console_sessions WHERE token_hash = :hash
              """)
          .bind("hash", hash)
          .map((result, context) -> new Row(new Caller(Caller.Scope.valueOf(result.getString("scope")),
              result.getString("key_id"), result.getString("partner_id"), result.getString("account_id")),
              result.getBytes("sealed_key"), result.getString("csrf_token"),
              result.getTimestamp("last_seen_at").toInstant()))
          .findOne();
      if (row.isEmpty()) {
        return Optional.empty();
      }
      if (row.get().lastSeen().plus(IDLE).isBefore(now)) {
        handle.createUpdate("DELETE FROM console_sessions WHERE token_hash = :hash").bind("hash", hash).execute();
        return Optional.empty();
      }
      if (row.get().lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
        handle.createUpdate("UPDATE console_sessions SET last_seen_at = :now WHERE token_hash = :hash")
            .bind("now", now).bind("hash", hash).execute();
      }
      return Optional.of(new Session(hash, row.get().caller(), KeySeal.open(token, row.get().sealedKey()), row.get().csrf()));
    });
  }

  /** Ends the session (sign-out), and any session idle too long. */
  void close(Session session) {
    jdbi.useHandle(handle -> {
      handle.createUpdate("DELETE FROM console_sessions WHERE token_hash = :hash").bind("hash", session.tokenHash()).execute();
      handle.createUpdate("DELETE FROM console_sessions WHERE last_seen_at < :before")
          .bind("before", wallClock.instant().minus(IDLE)).execute();
    });
  }

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private record Row(Caller caller, byte[] sealedKey, String csrf, Instant lastSeen) {}
}
