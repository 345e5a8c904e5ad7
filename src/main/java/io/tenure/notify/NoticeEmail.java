package io.tenure.notify;

import java.util.List;

/**
 * What the e-mail templates ({@code src/main/jte}) lay out: every text already in the account's language, so
 * that a template holds markup only and the words stay in the message bundles.
 *
 * @param language the BCP 47 tag of the text, for {@code <html lang>}
 * @param paragraphs the body's sentences, one paragraph each
 * @param details the facts of the notice as label and value (plan, resource, dates, amounts)
 */
public record NoticeEmail(String language, String greeting, String title, List<String> paragraphs, List<Detail> details,
    String detailsHeading, String footer) {

  /** One line of the details: a label and its value, both plain text. */
  public record Detail(String label, String value) {}
}
