package io.tenure.catalog;

import io.tenure.clock.TenureClock;
import io.tenure.error.NotFoundException;
import io.tenure.error.RejectedException;
import io.tenure.lifecycle.Policy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Every catalog version, kept in the database as its source text and in memory once parsed. The newest
 * version applies to new purchases and renewals; a resource keeps the version its term was bought under.
 * On an empty database the shipped demo catalog becomes version 1. Thread-safe.
 */
public final class Catalogs {
  private final Jdbi jdbi;
  private final TenureClock clock;
  private final ConcurrentSkipListMap<Integer, Catalog> versions = new ConcurrentSkipListMap<>();
  private volatile long lastReloadNanos;

  public Catalogs(Jdbi jdbi, TenureClock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    reload();
    if (versions.isEmpty()) {
      load(demoSource(), "demo.yaml");
    }
  }

  /** The newest version. */
  public Catalog current() {
    reload();
    return versions.lastEntry().getValue();
  }

  /** Version {@code version}, which must exist. */
  public Catalog version(int version) {
    Catalog catalog = versions.get(version);
    if (catalog == null) {
      lastReloadNanos = 0;
      reload();
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
   * Validates {@code source} and stores it as a new version, which must be newer than every stored one.
   * Returns the catalog. A mistake is an {@code INVALID_CATALOG} naming the line; nothing is stored.
   */
  public synchronized Catalog load(String source, String sourceName) {
    Catalog catalog = CatalogFile.parse(source, sourceName);
    lastReloadNanos = 0;
    reload();
    Optional<Integer> newest = versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastKey());
    if (newest.isPresent() && catalog.version() <= newest.get()) {
      throw new RejectedException("CATALOG_VERSION_NOT_NEWER",
          "Catalog version " + catalog.version() + " must be greater than the current version " + newest.get() + ".");
    }
    int inserted = jdbi.withHandle(handle -> handle.createUpdate("""
            INSERT INTO catalog_versions (version, source, loaded_at) VALUES (:version, :source, :now) ON CONFLICT DO NOTHING
            """).bind("version", catalog.version()).bind("source", source).bind("now", clock.now()).execute());
    if (inserted == 0) {
      throw new RejectedException("CATALOG_VERSION_NOT_NEWER", "Catalog version " + catalog.version() + " already exists.");
    }
    versions.put(catalog.version(), catalog);
    return catalog;
  }

  private static String demoSource() {
    try (var input = Catalogs.class.getResourceAsStream(CatalogFile.DEMO_RESOURCE)) {
      return new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException failure) {
      throw new java.io.UncheckedIOException("cannot read the demo catalog", failure);
    }
  }

  /** Reads versions stored by another process since the last look, at most once a second. */
  private void reload() {
    long now = System.nanoTime();
    if (!versions.isEmpty() && now - lastReloadNanos < 1_000_000_000L) {
      return;
    }
    lastReloadNanos = now;
    int known = versions.isEmpty() ? 0 : versions.lastKey();
    Map<Integer, String> sources = jdbi.withHandle(handle -> handle.createQuery(
            "SELECT version, source FROM catalog_versions WHERE version > :known ORDER BY version")
        .bind("known", known)
        .reduceRows(new java.util.LinkedHashMap<Integer, String>(), (map, row) -> {
          map.put(row.getColumn("version", Integer.class), row.getColumn("source", String.class));
          return map;
        }));
    sources.forEach((version, source) -> versions.put(version, CatalogFile.parse(source, "catalog version " + version)));
  }
}
