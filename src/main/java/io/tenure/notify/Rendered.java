package io.tenure.notify;

/**
 * A notice's content in one language, for every channel: the e-mail's subject, HTML body and plain-text body,
 * the SMS text, and the in-app message's title and body.
 */
public record Rendered(String subject, String html, String text, String sms, String title, String body) {}
