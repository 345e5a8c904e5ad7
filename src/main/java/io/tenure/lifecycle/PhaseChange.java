package io.tenure.lifecycle;

import java.time.Instant;

/** The phase a resource will enter next if nobody acts, and the instant it enters it. */
public record PhaseChange(Phase phase, Instant at) {}
