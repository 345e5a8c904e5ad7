/**
 * Webhooks: the operator's endpoints, the events of the providers' outbox fanned out to them, signed as Standard
 * Webhooks 1.0 and delivered in order per resource, and the release handshake (docs/providers.md).
 */
package io.tenure.webhook;
