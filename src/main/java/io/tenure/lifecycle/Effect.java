package io.tenure.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * Something the engine must do because of a lifecycle event, in the same transaction that stores the new
 * state. Each effect carries the instant it fell due.
 */
public sealed interface Effect {

  /** The instant the effect fell due. */
  Instant at();

  /**
   * Send a notice of {@code type}; {@code releaseAt} is the exact instant the resource will be (or was)
   * released under its current policy, empty when it never will be.
   */
  record SendNotice(NoticeType type, Instant at, Optional<Instant> releaseAt) implements Effect {}

  /** Tell the provider to apply {@code command}, giving the resource {@code service}. */
  record TellProvider(ProviderCommand command, ServiceLevel service, Instant at) implements Effect {}

  /**
   * Check the balance against the renewal price. When {@code renewWhenFunded} (from the expiry date on) and
   * the balance suffices, renew through {@link Lifecycle#renew}; when it does not suffice, send the
   * insufficient-balance notice. Before the expiry date the check only warns. {@code reminderUnlessRenewed} is
   * the overdue reminder due at the same instant: the renewal is decided first, and only a resource that does
   * not renew gets it (see {@link Lifecycle#reminderUnlessRenewed}).
   */
  record TryAutoRenew(Instant at, boolean renewWhenFunded, Optional<SendNotice> reminderUnlessRenewed) implements Effect {
    public TryAutoRenew(Instant at, boolean renewWhenFunded) {
      this(at, renewWhenFunded, Optional.empty());
    }
  }

  /** Freeze every other member of the expired resource's group. */
  record FreezeGroup(Instant at) implements Effect {}

  /** Refund each unexpired member of the expired resource's group for its unused part. */
  record RefundUnexpiredGroupMembers(Instant at) implements Effect {}
}
