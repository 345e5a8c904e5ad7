package io.tenure.delivery;

import java.util.Optional;

/**
 * What became of one {@link Channel#send}. The dispatcher's rules for each (docs/notices.md, "Channels"):
 * {@link Sent} is delivered and never sent again; {@link Failed} retryable is tried again after a backoff, not
 * retryable is failed at once; {@link Unknown} is not resent within the same attempt, and is tried again only after
 * the pause for unknown outcomes.
 */
public sealed interface Outcome {

  /** Why, in one sentence for the operator; empty for {@link Sent}. */
  String reason();

  /** The provider accepted the message. */
  record Sent(Optional<String> providerMessageId) implements Outcome {
    @Override
    public String reason() {
      return "";
    }
  }

  /** The provider did not take the message; another attempt may succeed only when {@code retryable}. */
  record Failed(boolean retryable, String reason) implements Outcome {}

  /**
   * The request was written but no answer came (a timeout, a connection lost while waiting): the provider may or may
   * not have taken the message.
   */
  record Unknown(String reason) implements Outcome {}

  static Sent sent(String providerMessageId) {
    return new Sent(Optional.ofNullable(providerMessageId).filter(id -> !id.isBlank()));
  }

  static Failed retryable(String reason) {
    return new Failed(true, reason);
  }

  static Failed permanent(String reason) {
    return new Failed(false, reason);
  }
}
