/** Notices to customers: the outbox they are written to in the transaction that caused them, and their delivery. */
package io.tenure.notify;
