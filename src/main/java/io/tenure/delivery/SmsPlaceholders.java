package io.tenure.delivery;

import io.tenure.error.Echo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of an SMS gateway's body template: {@code {{phone}}}, {@code {{text}}}, {@code {{deliveryKey}}},
 * {@code {{param.NAME}}} (one template parameter) and {@code {{parameters}}} (all of them as a JSON object; as a
 * whole JSON value it is the object itself, elsewhere its text).
 */
final class SmsPlaceholders {
  static final String PARAMETERS = "{{parameters}}";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
  private static final String PARAMETER_PREFIX = "param.";

  private SmsPlaceholders() {}

  /** Refuses a text that names an unknown placeholder, with the rule as the message. */
  static void check(String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      String name = matcher.group(1);
      boolean known = switch (name) {
        case "phone", "text", "deliveryKey", "parameters" -> true;
        default -> name.startsWith(PARAMETER_PREFIX) && name.length() > PARAMETER_PREFIX.length();
      };
      if (!known) {
        throw new IllegalArgumentException("names the unknown placeholder {{" + Echo.of(name) + "}}; known are "
            + "{{phone}}, {{text}}, {{deliveryKey}}, {{parameters}} and {{param.NAME}}");
      }
    }
  }

  /** {@code text} with each placeholder replaced by its value, as plain text (escaping is the caller's). */
  static String fill(String text, Outbound message) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value(matcher.group(1), message)));
    }
    return matcher.appendTail(filled).toString();
  }

  private static String value(String name, Outbound message) {
    return switch (name) {
      case "phone" -> message.recipient();
      case "text" -> message.textBody();
      case "deliveryKey" -> message.deliveryKey();
      case "parameters" -> SmsBodyTemplate.parametersJson(message.parameters());
      default -> {
        String parameter = name.substring(PARAMETER_PREFIX.length());
        String value = message.parameters().get(parameter);
        if (value == null) {
          throw new IllegalArgumentException("The SMS template needs the template parameter '" + Echo.of(parameter)
              + "', which the message does not have.");
        }
        yield value;
      }
    };
  }
}
