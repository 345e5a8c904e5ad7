package io.tenure.clock;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import java.util.ArrayList;
import java.util.List;

/** One account with resources that expire at different instants, and everything observable of it. */
record World(String account, List<String> resources) {
  static final String START = "2023-03-08T15:50:04+08:00";

  /** An account with enough money and four resources bought at {@link #START} for one and two months. */
  static World bought(HttpApi operator) {
    String account = Fixtures.account(operator, "V1");
    Fixtures.topUp(operator, account, "5000.00");
    List<String> resources = new ArrayList<>();
    for (String plan : List.of("tencent-drive-enterprise", "wedata-execution-package", "koodrive-basic")) {
      resources.add(Fixtures.bought(operator, account, plan, 1));
    }
    resources.add(Fixtures.bought(operator, account, "koodrive-basic", 2));
    return new World(account, resources);
  }

  /** Phases, terms, recorded events, messages and balance, with resource ids replaced by their position. */
  List<String> observe(HttpApi operator) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      HttpApi.Answer resource = operator.get("/v1/resources/" + resources.get(i));
      seen.add(i + " " + resource.get("phase") + " " + resource.json().path("term"));
      for (JsonNode event : operator.get("/v1/resources/" + resources.get(i) + "/timeline").json().path("events")) {
        if (!event.path("projected").asBoolean()) {
          seen.add(i + " " + event.path("at").asText() + " " + event.path("event").asText() + " " + event.path("phase").asText());
        }
      }
    }
    List<String> messages = new ArrayList<>();
    for (JsonNode message : Fixtures.messages(operator, account)) {
      messages.add("message " + message.path("createdAt").asText() + " " + message.path("type").asText() + " "
          + resources.indexOf(message.path("resourceId").asText()));
    }
    // Workers write the notices of different resources in either order; what matters is which were sent when.
    messages.sort(null);
    seen.addAll(messages);
    seen.add("balance " + operator.get("/v1/accounts/" + account).get("balance"));
    return seen;
  }
}
