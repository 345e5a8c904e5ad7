package io.tenure.notify;

import io.tenure.lifecycle.NoticeType;
import java.time.OffsetDateTime;

/**
 * One message of an account's inbox as the API shows it: a notice with its text, its instants in the account's
 * zone, {@code resourceId} and {@code releaseAt} null when the notice names none, and whether the account read it.
 */
public record MessageView(String id, long sequence, NoticeType type, String resourceId, String title, String body,
    OffsetDateTime releaseAt, OffsetDateTime createdAt, boolean read) {}
