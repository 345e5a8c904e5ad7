/**
 * Who receives each notice over which channels: the operator's routing (defaults and floors per message type,
 * versioned like the catalog), each account's message subscriptions, and the resolution of both against the
 * account's contacts into the addresses to deliver to.
 */
package io.tenure.subscription;
