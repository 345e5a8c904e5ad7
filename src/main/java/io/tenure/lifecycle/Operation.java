package io.tenure.lifecycle;

/** What a customer may ask of a resource; {@link Operations} says which are allowed in which phase. */
public enum Operation {
  /** Extend the term by periods of the plan (for pay-as-you-go: pay what is owed). */
  RENEW,
  /** Add money to the account's wallet on behalf of the resource. */
  TOP_UP,
  /** Add, change or remove expansion packages. */
  CHANGE_ADD_ONS,
  /** End the resource with a refund of the unused part. */
  UNSUBSCRIBE,
  /** Turn auto-renewal on or off, or change its period. */
  SET_AUTO_RENEW,
  /** Use the service itself (read or run it). */
  USE
}
