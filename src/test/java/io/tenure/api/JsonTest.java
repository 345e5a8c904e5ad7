package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.error.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  enum Role { OWNER, FINANCE }

  record Item(String code, Long quantity) {}

  record Sample(String name, BigDecimal amount, OffsetDateTime to, Instant at, Role role, List<Item> items, Long count,
      Map<String, String> tags, Boolean enabled) {}

  private static Sample read(String body) {
    return Json.read(body.getBytes(StandardCharsets.UTF_8), Sample.class);
  }

  private static InvalidInputException refusal(String body) {
    try {
      read(body);
    } catch (InvalidInputException refused) {
      return refused;
    }
    throw new AssertionError("accepted " + body);
  }

  @Test
  void readsAWellFormedBody() {
    Sample sample = read("""
        {"name":"Ann \\uD83D\\uDE00","amount":"-10.50","to":"2026-01-01T00:00:00+08:00","at":"2026-01-01T00:00:00Z",
         "role":"OWNER","items":[{"code":"a","quantity":2}],"count":3,"tags":{"k":"v"},"enabled":true}""");
    assertThat(sample.amount()).isEqualByComparingTo("-10.50");
    assertThat(sample.role()).isEqualTo(Role.OWNER);
    assertThat(sample.name()).isEqualTo("Ann \uD83D\uDE00");
  }

  @Test
  void aDuplicateKeyIsRefusedWithItsPath() {
    assertThat(refusal("{\"amount\":\"1.00\",\"amount\":\"900.00\"}"))
        .extracting(InvalidInputException::code, InvalidInputException::getMessage)
        .containsExactly("DUPLICATE_FIELD", "Field 'amount': is given more than once.");
    assertThat(refusal("{\"items\":[{\"code\":\"a\",\"code\":\"b\"}]}").getMessage()).isEqualTo("Field 'items[0].code': is given more than once.");
  }

  @Test
  void moneyIsReadOnlyFromAPlainDecimalString() {
    for (String amount : List.of("10.5", "\"1e3\"", "\"1e-999999999\"", "1e-999999999", "\"١٢\"", "\" 10\"", "\"+1\"", "\"1.\"",
        "\"" + "9".repeat(30) + "\"", "true", "\"0x10\"")) {
      InvalidInputException refused = refusal("{\"amount\":" + amount + "}");
      assertThat(refused.code()).as(amount).isEqualTo("INVALID_AMOUNT");
      assertThat(refused.getMessage()).as(amount).isEqualTo("Field 'amount': must be a decimal string like \"10.00\".");
    }
  }

  @Test
  void enumsAreReadOnlyByName() {
    for (String role : List.of("0", "1", "\"0\"", "\"owner\"", "\"OWNERS\"", "true")) {
      InvalidInputException refused = refusal("{\"role\":" + role + "}");
      assertThat(refused.getMessage()).as(role).isEqualTo("Field 'role': must be one of OWNER, FINANCE.");
    }
  }

  @Test
  void dateTimesAreReadOnlyFromIsoStrings() {
    for (String field : List.of("to", "at")) {
      for (String value : List.of("1700000000000", "1700000000.5", "true", "\"1700000000\"")) {
        InvalidInputException refused = refusal("{\"" + field + "\":" + value + "}");
        assertThat(refused.getMessage()).as(value).startsWith("Field '" + field + "': must be an ISO-8601 date-time");
      }
    }
  }

  @Test
  void textRefusesNulControlCharactersAndUnpairedSurrogates() {
    for (String name : List.of("a\\u0000b", "\\u0007", "\\ud800", "x\\udc00y", "\\u009f")) {
      InvalidInputException refused = refusal("{\"name\":\"" + name + "\"}");
      assertThat(refused.code()).isEqualTo("INVALID_FIELD");
      assertThat(refused.getMessage()).as(name).startsWith("Field 'name': contains");
    }
    assertThat(refusal("{\"items\":[{\"code\":\"\\u0000\"}]}").getMessage()).startsWith("Field 'items[0].code': contains the control character U+0000");
    assertThat(refusal("{\"tags\":{\"\\u0000\":\"v\"}}").code()).isEqualTo("INVALID_FIELD");
    assertThat(read("{\"name\":\"two\\nlines\\tand a tab\"}").name()).isEqualTo("two\nlines\tand a tab");
  }

  @Test
  void numbersAreNotReadAsTextNorTextAsNumbers() {
    assertThat(refusal("{\"name\":5}").getMessage()).isEqualTo("Field 'name': must be a string.");
    assertThat(refusal("{\"count\":\"5\"}").getMessage()).startsWith("Field 'count': must be a whole number");
    assertThat(refusal("{\"count\":1.5}").getMessage()).startsWith("Field 'count': must be a whole number");
    assertThat(refusal("{\"count\":99999999999999999999}").getMessage())
        .isEqualTo("Field 'count': must be a whole number from -9223372036854775808 to 9223372036854775807.");
    assertThat(refusal("{\"enabled\":1}").getMessage()).isEqualTo("Field 'enabled': must be true or false.");
  }

  @Test
  void aNullInsideAnArrayIsRefused() {
    assertThat(refusal("{\"items\":[null]}").getMessage()).isEqualTo("Field 'items[0]': must not be null.");
    assertThatThrownBy(() -> Json.read("[null]".getBytes(StandardCharsets.UTF_8), Item[].class))
        .hasMessage("Field '[0]': must not be null.");
  }

  @Test
  void overlongNumbersAndDeepNestingAreRefusedBeforeBeingRead() {
    InvalidInputException longNumber = refusal("{\"count\":" + "9".repeat(1000) + "}");
    assertThat(longNumber.code()).as(longNumber.getMessage()).isEqualTo("MALFORMED_JSON");
    String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    assertThatThrownBy(() -> Json.read(deep.getBytes(StandardCharsets.UTF_8), Map.class))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nested at most");
  }

  @Test
  void messagesNameFieldsNotJavaClasses() {
    for (String body : List.of("{\"items\":{}}", "{\"items\":[5]}", "{\"tags\":[]}", "[]", "\"x\"", "{\"nope\":1}", "{\"items\":[{\"code\":[]}]}")) {
      InvalidInputException refused = refusal(body);
      assertThat(refused.getMessage()).as(body).doesNotContain("io.tenure", "java.", "Sample", "Item", "class").endsWith(".");
    }
    assertThat(refusal("{\"nope\":1}").getMessage()).startsWith("Field 'nope': is not a field of this request; the fields are amount, at,");
    assertThat(refusal("{\"" + "n".repeat(5000) + "\":1}").getMessage()).hasSizeLessThan(300).contains("n…'");
  }
}
