package io.tenure.lifecycle;

/** What the provider running a resource is told to do on a phase change or a hold (SPEC.md sections 4 and 9). */
public enum ProviderCommand {
  /** Enter grace: keep the service level the policy gives the grace phase. */
  GRACE,
  /** Stop or isolate the resource; keep its data. */
  FROZEN,
  /** Destroy the resource and its data, then confirm. */
  RELEASE_REQUESTED,
  /** Give the resource its full service back. */
  RESTORE,
  /**
   * A hold was applied to the resource, one feature of it, or its whole account: stop what it holds whatever the
   * phase (the command's service level is the resource's after the hold; a feature hold leaves it as it was).
   */
  HOLD_APPLIED,
  /** A hold on the resource, one feature of it, or its account was lifted: serve it again as far as its phase allows. */
  HOLD_LIFTED
}
