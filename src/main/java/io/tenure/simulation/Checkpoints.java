package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The checks after every clock advance (every account's balance, every resource's phase, term, gates and next
 * transition) and, at checkpoints, the deep ones (every timeline's past events, every wallet's ledger entries,
 * Tenure's ledger audit on the database). Also writes the run's final state without ids, to compare runs.
 */
final class Checkpoints {
  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Jdbi jdbi;

  Checkpoints(Model model, Calls calls, Auditor auditor, Jdbi jdbi) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.jdbi = jdbi;
  }

  void afterAdvance(boolean deep) {
    for (ModelAccount account : model.accounts.values()) {
      auditor.balance(account, "account read at " + model.now, calls.get(account.id, "/v1/accounts/" + account.id).body());
      for (ModelResource resource : account.resources.values()) {
        auditor.resource(model, resource, calls.get(account.id, "/v1/resources/" + resource.id).body());
        if (deep) {
          auditor.timeline(model, resource, calls.get(account.id, "/v1/resources/" + resource.id + "/timeline").body());
        }
      }
      if (deep) {
        auditor.ledger(account, walletEntries(account));
      }
    }
    if (deep) {
      auditor.audit(jdbi);
    }
  }

  private List<BigDecimal> walletEntries(ModelAccount account) {
    List<BigDecimal> amounts = new ArrayList<>();
    String before = null;
    do {
      JsonNode page = calls.get(account.id, "/v1/accounts/" + account.id + "/ledger?limit=1000"
          + (before == null ? "" : "&before=" + before)).body();
      for (JsonNode transaction : page.path("items")) {
        for (JsonNode entry : transaction.path("entries")) {
          if (entry.path("book").asText().equals("wallet:" + account.id)) {
            amounts.add(new BigDecimal(entry.path("amount").asText()));
          }
        }
      }
      before = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asText();
    } while (before != null);
    return amounts;
  }

  /** The final state as Tenure shows it, named by account name and purchase order rather than by random ids. */
  String fingerprint() {
    StringBuilder state = new StringBuilder();
    for (ModelAccount account : model.accounts.values()) {
      state.append(account.name).append(' ').append(calls.get(account.id, "/v1/accounts/" + account.id).body().path("balance"))
          .append(" unread ").append(calls.get(account.id, "/v1/accounts/" + account.id + "/messages/unread-count").body().path("unread"))
          .append('\n');
      int number = 0;
      for (ModelResource resource : account.resources.values().stream()
          .sorted(java.util.Comparator.comparing((ModelResource r) -> r.events.getFirst().at()).thenComparing(r -> r.id)).toList()) {
        JsonNode shown = calls.get(account.id, "/v1/resources/" + resource.id).body();
        state.append("  ").append(++number).append(' ').append(resource.plan).append(' ').append(shown.path("phase"))
            .append(' ').append(shown.path("term")).append(' ').append(shown.path("nextTransition")).append(' ')
            .append(resource.events.stream().skip(1).toList()).append('\n');
      }
    }
    return state.toString();
  }
}
