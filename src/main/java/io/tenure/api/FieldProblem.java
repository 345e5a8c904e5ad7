package io.tenure.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value Jackson read but Tenure refuses, raised while reading so that Jackson attaches the field's path;
 * {@link Json#read} turns it into {@code Field '<path>': <problem>.} with {@link #code()}.
 */
final class FieldProblem extends MismatchedInputException {
  private final String code;

  FieldProblem(JsonParser parser, String code, String problem, Class<?> type) {
    super(parser, problem, type);
    this.code = code;
  }

  String code() {
    return code;
  }
}
