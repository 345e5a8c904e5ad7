package io.tenure.lifecycle;

/** What the provider running a resource is told to do on a phase change (SPEC.md section 9). */
public enum ProviderCommand {
  /** Enter grace: keep the service level the policy gives the grace phase. */
  GRACE,
  /** Stop or isolate the resource; keep its data. */
  FROZEN,
  /** Destroy the resource and its data, then confirm. */
  RELEASE_REQUESTED,
  /** Give the resource its full service back. */
  RESTORE
}
