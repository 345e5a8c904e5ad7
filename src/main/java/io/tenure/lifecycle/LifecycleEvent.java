package io.tenure.lifecycle;

import java.time.Instant;

/**
 * One event in the life of a resource, stamped with the instant it fell due (never the instant it was
 * processed), and the phase the resource is in after it. Also the entry of a {@link Timeline}.
 */
public record LifecycleEvent(Instant at, EventType type, Phase phase) {}
