package io.tenure.subscription;

/** A way a notice reaches people; the order here is the order deliveries are listed in. */
public enum Channel {
  EMAIL,
  SMS,
  /** The account's inbox ({@code GET /v1/accounts/{id}/messages}): one per account, not per contact. */
  IN_APP
}
