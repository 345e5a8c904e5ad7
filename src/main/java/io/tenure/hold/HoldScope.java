package io.tenure.hold;

/** What a hold makes unavailable. */
public enum HoldScope {
  /** One resource, whatever its phase. */
  RESOURCE,
  /** One feature of one resource ({@code public-links}); the rest of it keeps its service. */
  FEATURE,
  /** Every resource of an account; a permanent one is a ban and also refuses new purchases. */
  ACCOUNT
}
