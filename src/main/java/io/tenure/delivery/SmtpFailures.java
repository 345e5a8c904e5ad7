package io.tenure.delivery;

import io.tenure.error.Echo;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What an SMTP failure means for the delivery: a 4xx reply is transient (retryable), a 5xx reply permanent, a lost
 * or refused connection retryable, and a wait for an answer that timed out, or a connection closed without an answer
 * after the message's data, unknown (the server may have taken it).
 */
final class SmtpFailures {

  private SmtpFailures() {}

  static Outcome ofSending(SmtpSettings settings, MessagingException failure) {
    OptionalInt code = replyCode(failure);
    if (code.isPresent()) {
      String reason = "The SMTP server answered '" + Echo.of(replyText(failure).strip()) + "'.";
      return code.getAsInt() >= 500 ? Outcome.permanent(reason) : Outcome.retryable(reason);
    }
    if (cause(failure, InterruptedIOException.class).isPresent()) {
      return new Outcome.Unknown("The SMTP server " + settings.host() + ":" + settings.port()
          + " did not answer within " + settings.timeout().toMillis()
          + " ms while the message was being sent; it may have been accepted.");
    }
    if (cause(failure, IOException.class).isPresent()) {
      return Outcome.retryable("The connection to the SMTP server " + settings.host() + ":" + settings.port()
          + " was lost: " + Echo.of(innermost(failure).getMessage()) + ".");
    }
    Optional<MessagingException> unanswered = unansweredCommand(failure);
    if (unanswered.isPresent()) {
      // The server closed the connection instead of replying ("[EOF]"): before the message's data, nothing was
      // taken; after it, the server may have taken it.
      String lost = "The SMTP server " + settings.host() + ":" + settings.port() + " closed the connection without an answer";
      return unanswered.get() instanceof SMTPSendFailedException
          ? new Outcome.Unknown(lost + " after the message was sent; it may have been accepted.")
          : Outcome.retryable(lost + " before the message was sent.");
    }
    if (failure instanceof SendFailedException) {
      // No reply code and no I/O failure: Jakarta Mail refused the addresses itself.
      return Outcome.permanent("The SMTP server refused the recipient: " + Echo.of(failure.getMessage()) + ".");
    }
    return Outcome.retryable("Sending over SMTP failed: " + Echo.of(failure.getMessage()) + ".");
  }

  static String connectReason(SmtpSettings settings, MessagingException failure) {
    return "Could not connect or log in to the SMTP server " + settings.host() + ":" + settings.port() + ": "
        + Echo.of(innermost(failure).getMessage()) + ".";
  }

  static String compositionReason(Outbound message, Exception failure) {
    return "The e-mail to '" + Echo.of(message.recipient()) + "' could not be composed: "
        + Echo.of(failure.getMessage()) + ".";
  }

  /** The SMTP reply code that refused the message, if the server answered with one. */
  static OptionalInt replyCode(MessagingException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Optional<Integer> code = returnCode(cause).filter(answered -> answered > 0);
      if (code.isPresent()) {
        return OptionalInt.of(code.get());
      }
    }
    return OptionalInt.empty();
  }

  /** The command the server gave no reply to (Angus Mail's return code -1), if that is what failed. */
  private static Optional<MessagingException> unansweredCommand(MessagingException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (returnCode(cause).filter(answered -> answered <= 0).isPresent()) {
        return Optional.of((MessagingException) cause);
      }
    }
    return Optional.empty();
  }

  private static String replyText(MessagingException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (returnCode(cause).isPresent()) {
        return String.valueOf(cause.getMessage());
      }
    }
    return String.valueOf(failure.getMessage());
  }

  /** The return code of a refused SMTP command; empty for any other failure. */
  private static Optional<Integer> returnCode(Throwable cause) {
    return switch (cause) {
      case SMTPAddressFailedException refused -> Optional.of(refused.getReturnCode());
      case SMTPSenderFailedException refused -> Optional.of(refused.getReturnCode());
      case SMTPSendFailedException refused -> Optional.of(refused.getReturnCode());
      default -> Optional.empty();
    };
  }

  private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }

  private static Throwable innermost(Throwable failure) {
    Throwable innermost = failure;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    return innermost;
  }
}
