package io.tenure.notify;

import java.util.Map;

/**
 * A notice's content in one language, for every channel: the e-mail's subject, HTML body and plain-text body,
 * the SMS text with the template parameters of gateways that fill a template of their own, and the in-app
 * message's title and body.
 */
public record Rendered(String subject, String html, String text, String sms, Map<String, String> smsParameters, String title,
    String body) {

  public Rendered {
    smsParameters = Map.copyOf(smsParameters);
  }
}
