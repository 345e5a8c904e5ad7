package io.tenure.notify;

/** The answer of {@code GET /v1/accounts/{id}/messages/unread-count}: how many of the inbox's messages are unread. */
public record UnreadCount(long unread) {}
