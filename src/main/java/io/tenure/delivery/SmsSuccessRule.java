package io.tenure.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.error.Echo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When an SMS gateway's answer means sent, and what it means otherwise. Sent: the status is one of the success
 * statuses and, when a success field is set, that field of the JSON body has the expected value. Otherwise: 5xx,
 * 408 and 429 are retryable, any other status is not, and a success status whose field has another value is not
 * retryable unless that value is one of the retryable codes; a success status with a body that is not JSON or lacks
 * the field is unknown (the gateway took the request but its answer cannot be read). Immutable and thread-safe.
 *
 * @param successStatuses the statuses that may mean sent: {@code 2xx} (any 200-299) or exact codes, comma-separated
 * @param successField the path of a field of the JSON answer, dot-separated ({@code Code}, {@code result.code})
 * @param successValue the field's value that means sent ({@code OK})
 * @param messageIdField the path of the gateway's message id in the answer ({@code BizId})
 * @param retryableCodes field values that mean "try later" (throttling codes, for example)
 */
public record SmsSuccessRule(String successStatuses, Optional<String> successField, Optional<String> successValue,
    Optional<String> messageIdField, Set<String> retryableCodes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public SmsSuccessRule {
    retryableCodes = Set.copyOf(retryableCodes);
    statusRanges(successStatuses);
    if (successField.isPresent() != successValue.isPresent()) {
      throw new IllegalArgumentException("The SMS success field and its expected value go together.");
    }
  }

  /** The rule of most gateways: any 2xx is sent. */
  public static SmsSuccessRule anySuccessStatus() {
    return new SmsSuccessRule("2xx", Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
  }

  Outcome judge(int status, String body) {
    boolean successStatus = statusRanges(successStatuses).stream().anyMatch(range -> range.contains(status));
    Optional<JsonNode> answer = parse(body);
    Optional<String> code = successField.flatMap(path -> answer.flatMap(json -> text(json, path)));
    if (successStatus && successField.isEmpty()) {
      return Outcome.sent(messageId(answer));
    }
    if (successStatus && code.isEmpty()) {
      return new Outcome.Unknown("The SMS gateway answered " + status + " without the field '" + successField.get()
          + "': " + Echo.of(body) + ".");
    }
    if (successStatus && code.get().equals(successValue.get())) {
      return Outcome.sent(messageId(answer));
    }
    String reason = "The SMS gateway answered " + status + code.map(value -> " with " + successField.get() + " '"
        + Echo.of(value) + "'").orElse("") + ": " + Echo.of(body) + ".";
    boolean retryableStatus = status >= 500 || status == 408 || status == 429;
    boolean retryableCode = code.map(retryableCodes::contains).orElse(false);
    return retryableStatus || retryableCode ? Outcome.retryable(reason) : Outcome.permanent(reason);
  }

  private String messageId(Optional<JsonNode> answer) {
    return messageIdField.flatMap(path -> answer.flatMap(json -> text(json, path))).orElse(null);
  }

  private static Optional<JsonNode> parse(String body) {
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonNode answer, String path) {
    JsonNode node = answer;
    for (String name : path.split("\\.")) {
      node = node.path(name);
    }
    return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
  }

  private record StatusRange(int min, int max) {
    boolean contains(int status) {
      return status >= min && status <= max;
    }
  }

  private static List<StatusRange> statusRanges(String statuses) {
    List<StatusRange> ranges = new ArrayList<>();
    for (String item : statuses.split(",")) {
      String status = item.strip().toLowerCase();
      if (status.matches("[1-5]xx")) {
        int hundreds = (status.charAt(0) - '0') * 100;
        ranges.add(new StatusRange(hundreds, hundreds + 99));
      } else if (status.matches("[1-5][0-9][0-9]")) {
        ranges.add(new StatusRange(Integer.parseInt(status), Integer.parseInt(status)));
      } else {
        throw new IllegalArgumentException("Invalid SMS success status '" + Echo.of(statuses)
            + "': must be HTTP statuses like 2xx or 200,202.");
      }
    }
    return ranges;
  }
}
