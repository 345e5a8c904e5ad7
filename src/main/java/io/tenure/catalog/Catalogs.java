package io.tenure.catalog;

import io.tenure.clock.TenureClock;
import io.tenure.error.NotFoundException;
import io.tenure.error.RejectedException;
import io.tenure.lifecycle.Policy;
import io.tenure.store.Pipelined;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every catalog version, kept in the database as its source text and in memory once parsed. The newest
 * version applies to new purchases and renewals; a resource keeps the version its term was bought under.
 * On an empty database the shipped demo catalog becomes version 1. Thread-safe.
 */
public final class Catalogs {
  /** The advisory lock key ordering catalog loads against account writes ("TNRCATLG" in ASCII). */
  private static final long ACCOUNT_FIT_LOCK = 0x544E5243_41544C47L;
  private final Jdbi jdbi;
  private final TenureClock clock;
  private final ConcurrentSkipListMap<Integer, Catalog> versions = new ConcurrentSkipListMap<>();

  public Catalogs(Jdbi jdbi, TenureClock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    jdbi.useHandle(this::reload);
    if (versions.isEmpty()) {
      load(demoSource(), "demo.yaml");
    }
  }

  /** The newest version stored, as the database has it now (another Tenure on it may have loaded one). */
  public Catalog current() {
    return jdbi.withHandle(this::current);
  }

  /**
   * The newest version stored, read in {@code handle}'s transaction: a purchase priced in it uses the version
   * that was newest when it ran, whichever Tenure on the database loaded it. One indexed look-up; a version not
   * yet parsed here is read then.
   */
  public Catalog current(Handle handle) {
    return current(handle, OptionalInt.empty());
  }

  /** {@link #current(Handle)}, with the newest version stored when the caller read it in this transaction already. */
  public Catalog current(Handle handle, OptionalInt newestStored) {
    int newest = newestStored.orElseGet(() -> newestStored(handle));
    if (!versions.containsKey(newest)) {
      reload(handle);
    }
    return version(newest);
  }

  /** Version {@code version}, which must exist. */
  public Catalog version(int version) {
    Catalog catalog = versions.get(version);
    if (catalog == null) {
      jdbi.useHandle(this::reload);
      catalog = versions.get(version);
    }
    if (catalog == null) {
      throw new NotFoundException("CATALOG_VERSION_NOT_FOUND", "No catalog version " + version + ".");
    }
    return catalog;
  }

  /** The policy {@code code} as catalog version {@code version} defines it. */
  public Policy policy(String code, int version) {
    return version(version).policy(code);
  }

  /**
   * Validates {@code source} and stores it as a new version: under its own number when that is greater
   * than the current one, or as the next number when it is the current one (a catalog read from
   * {@code GET /v1/catalog}, perhaps edited, and sent back). An older number means someone loaded a newer
   * version meanwhile: {@code CATALOG_VERSION_NOT_NEWER}. A version that drops a tier or currency some
   * account has is refused ({@code TIER_IN_USE}, {@code CURRENCY_IN_USE}). A mistake in the file is an
   * {@code INVALID_CATALOG} naming the line. Whatever is refused, nothing is stored.
   */
  public synchronized Catalog load(String source, String sourceName) {
    Catalog parsed = CatalogFile.parse(source, sourceName);
    Catalog stored = jdbi.inTransaction(handle -> {
      lock(handle, "pg_advisory_xact_lock");
      int newest = newestStored(handle);
      int version = parsed.version() == newest ? newest + 1 : parsed.version();
      if (version < newest) {
        throw new RejectedException("CATALOG_VERSION_NOT_NEWER", "Catalog version " + parsed.version()
            + " is older than the current version " + newest + ". Start from GET /v1/catalog, or number the file above "
            + newest + ".");
      }
      CatalogsInUse.check(handle, parsed, version);
      handle.createUpdate("INSERT INTO catalog_versions (version, source, loaded_at) VALUES (:version, :source, :now)")
          .bind("version", version).bind("source", source).bind("now", clock.now()).execute();
      return parsed.withVersion(version);
    });
    versions.put(stored.version(), stored);
    return stored;
  }

  /**
   * For a transaction that writes an account's tier or currency: waits for a catalog load under way and
   * keeps the next one out until the transaction ends, then returns the newest version, which the account
   * must fit. Without this an account could take a tier that a version being loaded drops.
   */
  public Catalog currentForAccountWrite(Handle handle) {
    lock(handle, "pg_advisory_xact_lock_shared");
    return current(handle);
  }

  /**
   * One advisory lock orders catalog loads (exclusive) against account writes (shared). It is taken with the read of
   * the newest version that follows it, in one exchange: nothing reads the lock's own answer.
   */
  private static void lock(Handle handle, String function) {
    handle.createUpdate(Pipelined.DEFERRABLE + "SELECT " + function + "(:key)").bind("key", ACCOUNT_FIT_LOCK).execute();
  }

  private static int newestStored(Handle handle) {
    return handle.createQuery("SELECT COALESCE(MAX(version), 0) FROM catalog_versions").mapTo(Integer.class).one();
  }

  private static String demoSource() {
    try (var input = Catalogs.class.getResourceAsStream(CatalogFile.DEMO_RESOURCE)) {
      return new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException failure) {
      throw new java.io.UncheckedIOException("cannot read the demo catalog", failure);
    }
  }

  /** Reads the versions stored since the newest one known here (by this or another Tenure). */
  private void reload(Handle handle) {
    int known = versions.isEmpty() ? 0 : versions.lastKey();
    Map<Integer, String> sources = handle.createQuery(
            "SELECT version, source FROM catalog_versions WHERE version > :known ORDER BY version")
        .bind("known", known)
        .reduceRows(new java.util.LinkedHashMap<Integer, String>(), (map, row) -> {
          map.put(row.getColumn("version", Integer.class), row.getColumn("source", String.class));
          return map;
        });
    // The stored number counts, not the file's: a file sent back unchanged was stored as the next version.
    sources.forEach((version, source) ->
        versions.put(version, CatalogFile.parseStored(source, "catalog version " + version).withVersion(version)));
  }
}
