package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsBodyTemplateTest {
  private static final String TRICKY_TEXT = "Say \"hi\"\\ then\nnew line & 100% 续费=好";
  private static final Outbound MESSAGE =
      Outbound.sms("delivery-7", "+8613800138000", TRICKY_TEXT, Map.of("plan", "huawei-drive", "days", "7"));

  @Test
  void aJsonTemplateFillsValuesAsEscapedStringsThatReadBackUnchanged() throws Exception {
    SmsBodyTemplate template = SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON,
        "{\"to\":\"{{phone}}\",\"content\":\"Tenure: {{text}}\",\"ref\":\"{{deliveryKey}}\",\"n\":1}");

    String body = template.render(MESSAGE);

    assertThat(body).contains("\\\"hi\\\"", "\\n", "续费");
    Map<String, Object> read = new ObjectMapper().readValue(body, new TypeReference<>() {});
    assertThat(read).containsEntry("to", "+8613800138000").containsEntry("content", "Tenure: " + TRICKY_TEXT)
        .containsEntry("ref", "delivery-7").containsEntry("n", 1);
  }

  @Test
  void theParametersPlaceholderAloneIsAnObjectAndInsideTextIsItsJsonText() throws Exception {
    SmsBodyTemplate template = SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON,
        "{\"TemplateParam\":\"{{parameters}}\",\"Quoted\":\"p={{parameters}}\",\"Plan\":\"{{param.plan}}\"}");

    Map<String, Object> read = new ObjectMapper().readValue(template.render(MESSAGE), new TypeReference<>() {});

    assertThat(read.get("TemplateParam")).isEqualTo(Map.of("days", "7", "plan", "huawei-drive"));
    assertThat(read.get("Quoted")).isEqualTo("p={\"days\":\"7\",\"plan\":\"huawei-drive\"}");
    assertThat(read.get("Plan")).isEqualTo("huawei-drive");
  }

  @Test
  void aFormTemplateEncodesEveryFilledValueSoTextCannotAddFields() {
    SmsBodyTemplate template = SmsBodyTemplate.parse(SmsBodyTemplate.Format.FORM,
        "to={{phone}}&text={{text}}&sign=%E8%85%BE%E4%BA%91&params={{parameters}}");

    String body = template.render(MESSAGE);

    assertThat(body).isEqualTo("to=%2B8613800138000"
        + "&text=Say+%22hi%22%5C+then%0Anew+line+%26+100%25+%E7%BB%AD%E8%B4%B9%3D%E5%A5%BD"
        + "&sign=%E8%85%BE%E4%BA%91"
        + "&params=%7B%22days%22%3A%227%22%2C%22plan%22%3A%22huawei-drive%22%7D");
  }

  @Test
  void anUnknownPlaceholderIsRefusedWhenTheTemplateIsRead() {
    assertThatThrownBy(() -> SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, "{\"to\":\"{{mobile}}\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{mobile}}").hasMessageContaining("{{phone}}");
    assertThatThrownBy(() -> SmsBodyTemplate.parse(SmsBodyTemplate.Format.FORM, "to={{param.}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTemplateThatIsNotAJsonObjectIsRefused() {
    assertThatThrownBy(() -> SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, "{\"to\": {{phone}}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("must be JSON");
    assertThatThrownBy(() -> SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, "[\"{{phone}}\"]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("must be a JSON object");
  }

  @Test
  void aTemplateParameterTheMessageLacksIsNamed() {
    SmsBodyTemplate template = SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, "{\"code\":\"{{param.code}}\"}");

    assertThatThrownBy(() -> template.render(MESSAGE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'code'");
  }
}
