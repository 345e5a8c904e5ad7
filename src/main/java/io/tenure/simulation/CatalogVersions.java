package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/**
 * New catalog versions during the run: the current one read back, with new prices and changed policies (phase
 * lengths, where renewals count from, the refund fee), sent with {@code PUT /v1/catalog}.
 */
final class CatalogVersions {
  private static final List<String> RENEW_FROM = List.of("OLD_END", "NOW", "LATER_OF");

  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;

  CatalogVersions(Model model, Calls calls, Auditor auditor, Random random) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
  }

  /** Publishes a new version now and then (a fifth of the times it is asked to). */
  void maybePublish() {
    if (random.nextInt(5) != 0) {
      return;
    }
    ObjectNode catalog = model.catalog().source().deepCopy();
    catalog.withArray("plans").forEach(plan -> {
      if (plan.has("prices") && random.nextBoolean()) {
        scale((ObjectNode) plan.get("prices"));
      }
    });
    catalog.withArray("addOns").forEach(addOn -> scale((ObjectNode) addOn.get("prices")));
    catalog.withArray("policies").forEach(this::changePolicy);
    Http.Reply reply = calls.send(null, "PUT", "/v1/catalog", catalog, null);
    auditor.reply(null, "catalog version", Expected.success(reply.status() == 201 ? 201 : 200, null), reply);
    model.catalogs.add(ModelCatalog.read(calls.get(null, "/v1/catalog").body()));
  }

  /** Prices times 0.8 to 1.3, to the cent. */
  private void scale(ObjectNode prices) {
    BigDecimal factor = BigDecimal.valueOf(80 + random.nextInt(51), 2);
    prices.properties().forEach(price -> prices.put(price.getKey(),
        new BigDecimal(price.getValue().asText()).multiply(factor).setScale(model.catalog().decimals(), RoundingMode.HALF_UP).toPlainString()));
  }

  private void changePolicy(JsonNode policy) {
    ObjectNode written = (ObjectNode) policy;
    if (!written.path("trigger").asText().equals("EXPIRY") || random.nextInt(3) != 0) {
      return;
    }
    written.put("renewFrom", RENEW_FROM.get(random.nextInt(RENEW_FROM.size())));
    written.put("refundFeePercent", String.valueOf(random.nextInt(4) * 5));
    written.withArray("phases").forEach(phase -> {
      if (phase.has("length")) {
        ObjectNode lengths = (ObjectNode) phase.get("length");
        lengths.properties().forEach(row -> lengths.put(row.getKey(), "P" + (1 + random.nextInt(20)) + "D"));
      }
    });
  }
}
