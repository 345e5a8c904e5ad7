package io.tenure.console;

import java.util.List;
import java.util.UUID;

/**
 * What the one layout of every page needs: the title, the words, the navigation of the signed-in scope, the
 * session's CSRF token for forms, and a notice from the previous action. {@code csrf} is empty when signed out.
 */
public record Frame(String title, Text text, List<Link> navigation, String signedInAs, String csrf, String notice) {

  /** One entry of the navigation bar. */
  public record Link(String href, String label) {}

  public boolean signedIn() {
    return !csrf.isEmpty();
  }

  /** A fresh idempotency key for one form: a double submit of that form sends the same key, so it acts once. */
  public String newIdempotencyKey() {
    return "console-" + UUID.randomUUID();
  }

  public String t(String key, Object... arguments) {
    return text.get(key, arguments);
  }
}
