package io.tenure.lifecycle;

/**
 * What the provider running a resource is told to do (SPEC.md sections 4 and 9): on a phase change, on a purchase, a
 * release, a hold, and a change of what the resource includes. Webhooks name each {@code resource.<name in lower case>}.
 */
public enum ProviderCommand {
  /** A new resource: provide it with its full service. */
  ACTIVATED,
  /** Enter grace: keep the service level the policy gives the grace phase. */
  GRACE,
  /** Stop or isolate the resource; keep its data. */
  FROZEN,
  /** Destroy the resource and its data, then confirm. */
  RELEASE_REQUESTED,
  /** The release is complete (confirmed by the provider, or at once for a product without one). */
  RELEASED,
  /** Give the resource its full service back. */
  RESTORE,
  /**
   * The customer ended the resource and was refunded: stop it for good, it is never served again. Keep its data:
   * destruction is asked for only by {@link #RELEASE_REQUESTED}, and confirmed (SPEC.md section 4).
   */
  UNSUBSCRIBED,
  /**
   * A hold was applied to the resource, one feature of it, or its whole account: stop what it holds whatever the
   * phase (the command's service level is the resource's after the hold; a feature hold leaves it as it was).
   */
  HOLD_APPLIED,
  /** A hold on the resource, one feature of it, or its account was lifted: serve it again as far as its phase allows. */
  HOLD_LIFTED,
  /** What the resource includes changed (add-ons): read its entitlements again. */
  ENTITLEMENTS_CHANGED
}
