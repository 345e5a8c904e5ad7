package io.tenure.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogWriterTest {

  private static final Catalog DEMO = CatalogFile.demo();

  @Test
  void theDemoCatalogWrittenOutReadsBackAsTheSameCatalog() {
    String written = Json.write(CatalogWriter.write(DEMO));
    assertThat(CatalogFile.parse(written, "written.json")).isEqualTo(DEMO);
  }

  @Test
  void usesTheFileNamesNotTheJavaOnes() {
    JsonNode written = Json.MAPPER.valueToTree(CatalogWriter.write(DEMO));
    JsonNode basic = written.path("plans").get(0);
    assertThat(basic.path("product").asText()).isEqualTo("koodrive");
    assertThat(basic.path("policy").asText()).isEqualTo("huawei-drive");
    assertThat(basic.path("addOns").get(0).asText()).isEqualTo("koodrive-users");
    assertThat(basic.has("productCode") || basic.has("policyCode") || basic.has("addOnCodes")).isFalse();
    assertThat(written.path("addOns").get(0).path("prices").path("MONTH").asText()).isEqualTo("2.75");
    assertThat(written.path("tiers")).extracting(JsonNode::asText)
        .containsExactly("V0", "V1", "V2", "V3", "V4", "V5", "international", "standard", "silver", "gold");
  }

  @Test
  void writesMoneyAndUnitPricesAsDecimalStrings() {
    JsonNode ecs = Json.MAPPER.<JsonNode>valueToTree(CatalogWriter.write(DEMO)).path("plans").get(4);
    assertThat(ecs.path("hourlyPrice").isTextual()).isTrue();
    assertThat(ecs.path("hourlyPrice").asText()).isEqualTo("0.10");
    assertThat(ecs.path("meters").get(1).path("unitPrice").isTextual()).isTrue();
    assertThat(ecs.path("meters").get(1).path("unitPrice").asText()).isEqualTo("0.0004");
    assertThat(ecs.has("prices") || ecs.has("addOns")).as("a PAYG plan has neither").isFalse();
  }

  @Test
  void writesLengthsAsTheFileDoesWithTheDefaultRowFirst() {
    JsonNode huawei = Json.MAPPER.<JsonNode>valueToTree(CatalogWriter.write(DEMO)).path("policies").get(3);
    JsonNode grace = huawei.path("phases").get(0).path("length");
    assertThat(grace.fieldNames()).toIterable().containsExactly("default", "V0", "V1", "V2", "V3", "V4", "V5");
    assertThat(grace.path("default").asText()).isEqualTo("P15D");
    assertThat(CatalogWriter.length(Duration.ofHours(2))).isEqualTo("PT2H");
    assertThat(CatalogWriter.length(Duration.ofHours(36))).isEqualTo("PT36H");
    assertThat(CatalogWriter.length(Duration.ofDays(1))).isEqualTo("P1D");
    JsonNode wedata = Json.MAPPER.<JsonNode>valueToTree(CatalogWriter.write(DEMO)).path("policies").get(1);
    assertThat(wedata.path("phases").get(0).has("length")).as("an indefinite phase").isFalse();
  }
}
