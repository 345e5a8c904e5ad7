package io.tenure.catalog;

import io.tenure.error.RejectedException;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Refuses a catalog version that would strand accounts: one that no longer lists a tier some account has
 * (its lengths would silently fall to {@code default}, and no new account could be made like it), or that is
 * priced in another currency than some account holds (every purchase of that account would fail).
 */
final class CatalogsInUse {

  private CatalogsInUse() {}

  private record Use(String value, long accounts, String example) {
    String described() {
      return "'" + value + "' (" + accounts + (accounts == 1 ? " account, " : " accounts, for example ") + example + ")";
    }
  }

  static void check(Handle handle, Catalog catalog, int version) {
    List<Use> droppedTiers = uses(handle, "tier").stream().filter(use -> !catalog.knowsTier(use.value())).toList();
    if (!droppedTiers.isEmpty()) {
      throw new RejectedException("TIER_IN_USE", "Catalog version " + version + " does not list the "
          + (droppedTiers.size() == 1 ? "tier " : "tiers ") + describe(droppedTiers)
          + ", which accounts have. Keep every tier in use in 'tiers'.");
    }
    String currency = catalog.currency().getCurrencyCode();
    List<Use> otherCurrencies = uses(handle, "currency").stream().filter(use -> !use.value().equals(currency)).toList();
    if (!otherCurrencies.isEmpty()) {
      throw new RejectedException("CURRENCY_IN_USE", "Catalog version " + version + " is priced in " + currency
          + ", but accounts hold " + describe(otherCurrencies) + " and could buy nothing from it.");
    }
  }

  private static String describe(List<Use> uses) {
    return uses.stream().limit(5).map(Use::described).collect(Collectors.joining(", "))
        + (uses.size() > 5 ? " and " + (uses.size() - 5) + " more" : "");
  }

  /** Each distinct value of an accounts column with how many accounts have it; the column name is ours. */
  private static List<Use> uses(Handle handle, String column) {
    return handle.createQuery("SELECT " + column + " AS value, COUNT(*) AS accounts, MIN(id) AS example FROM accounts GROUP BY "
            + column + " ORDER BY " + column)
        .map((row, context) -> new Use(row.getString("value"), row.getLong("accounts"), row.getString("example")))
        .list();
  }
}
