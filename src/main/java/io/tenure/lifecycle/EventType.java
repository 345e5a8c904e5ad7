package io.tenure.lifecycle;

/** What happened to a resource at one instant: a transition or act, or a periodic due event. */
public enum EventType {
  /** The first or a later policy phase of kind GRACE began. */
  ENTERED_GRACE,
  /** A policy phase of kind FROZEN began. */
  ENTERED_FROZEN,
  /** The retention ended: the provider is asked to release the resource (phase RELEASE_PENDING). */
  RELEASE_REQUESTED,
  /** The provider confirmed the release (phase RELEASED). */
  RELEASED,
  /** The term was extended by a renewal. */
  RENEWED,
  /** A GRACE or FROZEN resource returned to ACTIVE after a renewal or a payment. */
  RESTORED,
  /** The customer ended the resource. */
  UNSUBSCRIBED,
  /** An expiry warning fell due (00:00 local, a configured number of days before the expiry date). */
  EXPIRY_WARNING,
  /** An overdue reminder fell due (00:00 local on the expiry date and every day after it). */
  OVERDUE_REMINDER,
  /** The daily auto-renewal check fell due. */
  AUTO_RENEW_CHECK;

  /**
   * True for the events that recur by the calendar; on catch-up a periodic event may be superseded by a
   * later one and then never happens. Every other event always happens, at its own instant.
   */
  public boolean isPeriodic() {
    return this == EXPIRY_WARNING || this == OVERDUE_REMINDER || this == AUTO_RENEW_CHECK;
  }
}
