/**
 * Local stand-ins for the providers of notices: an SMTP server and an SMS gateway on the loopback address that take
 * every message, hand its delivery key to the caller and keep nothing else. Used by {@code tenure bench notices} and
 * {@code tenure simulate}, which count what arrived; not a channel of Tenure itself.
 */
package io.tenure.receiver;
