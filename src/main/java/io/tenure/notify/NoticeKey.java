package io.tenure.notify;

/** The key of one notice row: its account and its sequence (the number of its first message). */
record NoticeKey(String accountId, long sequence) {}
