package io.tenure.usage;

/** An event of a batch that was not accepted: its position, a stable code and a sentence why. Immutable. */
public record Rejection(int index, String code, String message) {}
