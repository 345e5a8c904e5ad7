package io.tenure.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.tenure.error.InvalidInputException;
import io.tenure.money.Money;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads every decimal of a request (all of them are money) only from a JSON string of ASCII digits, as
 * {@link Money#decimal} checks it: never from a JSON number (which may have passed through a double on the
 * caller's side), never with an exponent, never longer than a bounded number of digits. Thread-safe.
 */
final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

  DecimalDeserializer() {
    super(BigDecimal.class);
  }

  @Override
  public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      try {
        return Money.decimal(parser.getText(), "");
      } catch (InvalidInputException notADecimal) {
        // Falls through to the same answer as a JSON number; the path is added by Jackson.
      }
    }
    throw new FieldProblem(parser, "INVALID_AMOUNT", Money.EXPECTED_FORM, BigDecimal.class);
  }
}
