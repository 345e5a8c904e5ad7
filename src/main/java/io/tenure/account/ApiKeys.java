package io.tenure.account;

import io.tenure.api.Authenticator;
import io.tenure.api.Caller;
import io.tenure.api.Sha256;
import io.tenure.error.UnauthenticatedException;
import io.tenure.store.Ids;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * API keys, kept only as SHA-256 hashes: a key is shown once when made and cannot be read back. Keys are
 * 40 random characters, so a plain hash suffices (no salt or stretching is needed against guessing).
 * Thread-safe.
 */
public final class ApiKeys implements Authenticator {
  private static final String PREFIX = "tnr_";
  /**
   * How long a key found is trusted without asking the database again: a revocation takes effect at once in the
   * Tenure that revokes, and within this in any other Tenure on the same database.
   */
  static final long TRUSTED_NANOS = 1_000_000_000L;
  private static final int CACHED_MAX = 10_000;

  private final Jdbi jdbi;
  private final InstantSource clock;
  private final Map<String, Found> found = new ConcurrentHashMap<>();

  /** A key found in the database, and until when it is trusted. */
  private record Found(Caller caller, long trustedUntilNanos) {}

  public ApiKeys(Jdbi jdbi, InstantSource clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A key just made: its id, and the key itself, which is never shown again. */
  public record IssuedKey(String id, String key) {}

  public IssuedKey issue(Caller.Scope scope, String partnerId, String accountId, String name) {
    String key = PREFIX + Ids.secret(40);
    String id = Ids.next("key");
    store(id, key, scope, partnerId, accountId, name);
    return new IssuedKey(id, key);
  }

  /**
   * Makes sure the operator can get in. With {@code configuredKey} that key is (also) an operator key.
   * Without one, the first start issues an operator key and returns it so that it can be printed once.
   */
  public Optional<String> bootstrapOperatorKey(Optional<String> configuredKey) {
    if (configuredKey.isPresent()) {
      jdbi.useHandle(handle -> handle.createUpdate("""
              INSERT INTO api_keys (id, key_hash, scope, name, created_at)
              VALUES (:id, :hash, 'OPERATOR', 'from TENURE_OPERATOR_KEY', :now) ON CONFLICT (key_hash) DO NOTHING
              """).bind("id", Ids.next("key")).bind("hash", Sha256.hex(configuredKey.get())).bind("now", clock.instant())
          .execute());
      return Optional.empty();
    }
    boolean anyOperatorKey = jdbi.withHandle(handle -> handle.createQuery(
        "SELECT EXISTS (SELECT 1 FROM api_keys WHERE scope = 'OPERATOR')").mapTo(Boolean.class).one());
    return anyOperatorKey ? Optional.empty() : Optional.of(issue(Caller.Scope.OPERATOR, null, null, "first operator key").key());
  }

  /** The caller behind an {@code Authorization} header value, or 401. */
  @Override
  public Caller authenticate(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw new UnauthenticatedException("UNAUTHENTICATED", "Send an API key as 'Authorization: Bearer <key>'.");
    }
    if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthenticatedException("UNAUTHENTICATED", "The Authorization header must read 'Bearer <key>'.");
    }
    String hash = Sha256.hex(authorizationHeader.substring(7).trim());
    Found cached = found.get(hash);
    if (cached != null && System.nanoTime() - cached.trustedUntilNanos() < 0) {
      return cached.caller();
    }
    Caller caller = jdbi.withHandle(handle -> handle.createQuery(
            "SELECT scope, id, partner_id, account_id FROM api_keys WHERE key_hash = :hash")
        .bind("hash", hash)
        .map((row, context) -> new Caller(Caller.Scope.valueOf(row.getString("scope")), row.getString("id"),
            row.getString("partner_id"), row.getString("account_id")))
        .findOne())
        .orElseThrow(() -> new UnauthenticatedException("UNAUTHENTICATED", "The API key is not valid."));
    if (found.size() >= CACHED_MAX) {
      found.clear();
    }
    found.put(hash, new Found(caller, System.nanoTime() + TRUSTED_NANOS));
    return caller;
  }

  /** Revokes a key; true when it existed. */
  public boolean revoke(String id) {
    boolean revoked = jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM api_keys WHERE id = :id").bind("id", id).execute()) == 1;
    found.clear();
    return revoked;
  }

  private void store(String id, String key, Caller.Scope scope, String partnerId, String accountId, String name) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO api_keys (id, key_hash, scope, partner_id, account_id, name, created_at)
            VALUES (:id, :hash, :scope, :partnerId, :accountId, :name, :now)
            """)
        .bind("id", id).bind("hash", Sha256.hex(key)).bind("scope", scope.name()).bind("partnerId", partnerId)
        .bind("accountId", accountId).bind("name", name).bind("now", clock.instant())
        .execute());
  }
}
