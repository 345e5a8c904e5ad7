package io.tenure.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads every text of a request: only a JSON string (a number is not read as text), without NUL or other
 * control characters (PostgreSQL refuses NUL; the others have no place in a name, an e-mail or an id) and
 * without an unpaired surrogate (it would be stored as {@code ?}). Tab, line feed and carriage return are
 * allowed, for multi-line descriptions. Thread-safe.
 */
final class TextDeserializer extends StdScalarDeserializer<String> {

  TextDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new FieldProblem(parser, "INVALID_FIELD", "must be a string", String.class);
    }
    return checked(parser, parser.getText());
  }

  /** {@code text}, or a {@link FieldProblem} naming its first character that Tenure does not store. */
  static String checked(JsonParser parser, String text) throws FieldProblem {
    String problem = problem(text);
    if (problem != null) {
      throw new FieldProblem(parser, "INVALID_FIELD", problem, String.class);
    }
    return text;
  }

  /** What is wrong with {@code text}, or null when Tenure can store it. */
  static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      if (Character.isHighSurrogate(character) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(character)) {
        return "contains an unpaired surrogate U+%04X at position %d".formatted((int) character, i);
      } else if (Character.isISOControl(character) && character != '\t' && character != '\n' && character != '\r') {
        return "contains the control character U+%04X at position %d".formatted((int) character, i);
      }
    }
    return null;
  }

  /** The same rule for the names of a JSON object read as a map. */
  static final class Keys extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
      return checked(context.getParser(), key);
    }
  }
}
