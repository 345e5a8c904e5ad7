/**
 * Delivery of notices to the outside: the channels that carry one message to one address (e-mail over SMTP, SMS
 * through an HTTP gateway) and their settings; the deliveries table, the fan-out of notices into it, and the
 * dispatcher that sends them. See docs/notices.md, "Channels" and "Deliveries".
 */
package io.tenure.delivery;
