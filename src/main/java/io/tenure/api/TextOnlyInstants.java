package io.tenure.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.regex.Pattern;

/**
 * Lets the date-time readers of jackson-datatype-jsr310 see only JSON strings: a number is refused rather
 * than read as seconds or milliseconds since 1970, which once sent the clock to the year 55154.
 */
final class TextOnlyInstants extends BeanDeserializerModifier {
  /** A date and a time: the readers would otherwise take a string of digits as seconds since 1970 too. */
  private static final Pattern DATE_TIME = Pattern.compile("[+-]?[0-9]{4,9}-[0-9]{2}-[0-9]{2}[Tt][0-9].*");
  static final String EXPECTED = "must be an ISO-8601 date-time string with offset, like \"2026-01-01T00:00:00+08:00\"";

  @Override
  public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
      JsonDeserializer<?> deserializer) {
    if (Temporal.class.isAssignableFrom(description.getBeanClass())) {
      return new TextOnly(deserializer);
    }
    return deserializer;
  }

  private static final class TextOnly extends DelegatingDeserializer {
    TextOnly(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new TextOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING || !DATE_TIME.matcher(parser.getText()).matches()) {
        throw new FieldProblem(parser, "INVALID_FIELD", EXPECTED, handledType());
      }
      return super.deserialize(parser, context);
    }
  }
}
