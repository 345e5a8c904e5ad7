package io.tenure.hold;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A hold as the API shows it, instants in the account's zone; {@code feature} is null unless it holds one, the lifted fields while it is in force. */
public record HoldView(String id, String accountId, HoldScope scope, String resourceId,
    String feature, HoldReason reason, boolean permanent, String note,
    boolean inForce, OffsetDateTime appliedAt, String appliedBy, OffsetDateTime liftedAt, String liftedBy) {

  static HoldView of(Hold hold, ZoneId zone) {
    return new HoldView(hold.id(), hold.accountId(), hold.scope(), hold.resourceId().orElse(null), hold.feature().orElse(null),
        hold.reason(), hold.permanent(), hold.note(), hold.inForce(), hold.appliedAt().atZone(zone).toOffsetDateTime(),
        hold.appliedBy(), hold.liftedAt().map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null),
        hold.liftedBy().orElse(null));
  }
}
