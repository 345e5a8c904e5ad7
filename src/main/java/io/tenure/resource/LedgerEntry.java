package io.tenure.resource;

/**
 * The kinds of ledger entry tied to a resource, and their one description: each names the plan and the
 * resource, so that a ledger read on its own says what every line paid for.
 */
enum LedgerEntry {
  PURCHASE("Purchase"),
  RENEWAL("Renewal"),
  AUTO_RENEWAL("Auto-renewal"),
  ADD_ON_CHANGE("Add-on change"),
  UNSUBSCRIPTION_REFUND("Unsubscription refund");

  private final String what;

  LedgerEntry(String what) {
    this.what = what;
  }

  /** For example {@code Renewal of KooDrive Basic (res_…)}. */
  String describe(String planName, String resourceId) {
    return what + " of " + planName + " (" + resourceId + ")";
  }
}
