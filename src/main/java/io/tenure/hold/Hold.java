package io.tenure.hold;

import java.time.Instant;
import java.util.Optional;

/**
 * One hold as stored. It is in force from {@code appliedAt} until it is lifted; a lifted hold is kept with who
 * lifted it and when. Immutable.
 *
 * @param resourceId the held resource, or the resource whose feature is held; empty for an account hold
 * @param feature the held feature of a FEATURE hold
 * @param appliedBy the kind of key that applied it, {@code OPERATOR} or {@code PARTNER} (a key's id is the operator's to
 *     see; the log line of the change names it)
 */
public record Hold(String id, String accountId, HoldScope scope, Optional<String> resourceId, Optional<String> feature,
    HoldReason reason, boolean permanent, String note, Instant appliedAt, String appliedBy, Optional<Instant> liftedAt,
    Optional<String> liftedBy) {

  public boolean inForce() {
    return liftedAt.isEmpty();
  }

  /** Whether this hold, while in force, bears on resource {@code resourceId} of its account. */
  public boolean bearsOn(String resourceId) {
    return scope == HoldScope.ACCOUNT || this.resourceId.orElseThrow().equals(resourceId);
  }

  /** Whether it takes the whole resource's service away (a resource or account hold), not one feature. */
  public boolean stopsService() {
    return scope != HoldScope.FEATURE;
  }

  /** A ban: a permanent account hold, which also refuses new purchases. */
  public boolean isBan() {
    return scope == HoldScope.ACCOUNT && permanent;
  }

  public Hold lifted(Instant at, String by) {
    return new Hold(id, accountId, scope, resourceId, feature, reason, permanent, note, appliedAt, appliedBy,
        Optional.of(at), Optional.of(by));
  }
}
