package io.tenure.lifecycle;

/**
 * What the provider running a resource is told to do (SPEC.md section 9): on a phase change, on a purchase, a
 * release, and a change of what the resource includes. Webhooks name each {@code resource.<name in lower case>}.
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
  /** What the resource includes changed (add-ons): read its entitlements again. */
  ENTITLEMENTS_CHANGED
}
