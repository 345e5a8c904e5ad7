/**
 * Delivery of notices to the outside: the channels that carry one message to one address (e-mail over SMTP, SMS
 * through an HTTP gateway) and their settings. It holds no database state; see docs/notices.md, "Channels".
 */
package io.tenure.delivery;
