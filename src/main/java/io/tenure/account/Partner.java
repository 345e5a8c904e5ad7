package io.tenure.account;

import java.time.Instant;
import java.util.List;

/** A reseller that manages a set of accounts and sees their balances, usage and risks. */
public record Partner(String id, String name, List<Contact> contacts, Instant createdAt) {}
