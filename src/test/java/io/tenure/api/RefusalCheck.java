package io.tenure.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer to a bad request must be: a 4xx of the statuses Tenure uses for refusals, declared as JSON,
 * whose body is exactly {@code {"error":{"code":"UPPER_SNAKE","message":"..."}}}, the message a sentence
 * ending with a period that repeats at most 64 characters of a value, and nothing anywhere of HTML, a stack
 * trace or a Java class. Returns the problems found, empty when the answer is right.
 */
final class RefusalCheck {
  static final Set<Integer> STATUSES = Set.of(400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 431);
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern FIELD_MESSAGE = Pattern.compile("Field '[^\\p{Cntrl}]*': \\S.*\\.", Pattern.DOTALL);
  private static final List<String> LEAKS = List.of("io.tenure", "java.", "javax.", "jakarta.", "Exception", "com.fasterxml",
      "org.eclipse", "org.jdbi", "org.postgresql", "kotlin.", "\tat ", "<html", "<body", "<!DOCTYPE", "SQLState", "ERROR:");
  /** 65 characters of any one letter in a row: more of a value than an error may repeat. */
  private static final Pattern LONG_ECHO = Pattern.compile("(.)\\1{64}");

  private RefusalCheck() {}

  static List<String> problems(RawHttp.Answer answer) {
    List<String> problems = new ArrayList<>();
    if (!STATUSES.contains(answer.status())) {
      problems.add("status " + answer.status() + " is not a refusal status");
    }
    if (!answer.headers().toLowerCase(Locale.ROOT).contains("content-type: application/json")) {
      problems.add("not declared as application/json");
    }
    for (String leak : LEAKS) {
      if (answer.body().contains(leak)) {
        problems.add("the body contains '" + leak + "'");
      }
    }
    JsonNode json = answer.json();
    if (json == null || !json.isObject() || json.size() != 1 || !json.path("error").isObject()) {
      problems.add("the body is not {\"error\":{...}}");
      return problems;
    }
    JsonNode error = json.path("error");
    if (error.size() != 2 || !error.path("code").isTextual() || !error.path("message").isTextual()) {
      problems.add("the error is not exactly {code, message} of strings");
      return problems;
    }
    if (!CODE.matcher(error.path("code").asText()).matches()) {
      problems.add("the code is not UPPER_SNAKE");
    }
    // A catalog's problem is told as "<source>:<line>: <path>: <problem>", the form the CLI gives for a file.
    if (!error.path("code").asText().equals("INVALID_CATALOG")) {
      problems.addAll(messageProblems(error.path("message").asText()));
    }
    return problems;
  }

  private static List<String> messageProblems(String message) {
    List<String> problems = new ArrayList<>();
    if (message.isBlank() || !message.endsWith(".") && !message.endsWith(".\"")) {
      problems.add("the message is not a sentence ending with a period");
    }
    if (message.startsWith("Field '") && !FIELD_MESSAGE.matcher(message).matches()) {
      problems.add("a field message not of the form Field '<path>': <what is wrong>.");
    }
    if (LONG_ECHO.matcher(message).find() || message.length() > 600) {
      problems.add("the message repeats more than 64 characters of a value");
    }
    if (message.chars().anyMatch(character -> Character.isISOControl(character) || Character.isSurrogate((char) character))) {
      problems.add("the message carries a control character or a lone surrogate");
    }
    return problems;
  }
}
