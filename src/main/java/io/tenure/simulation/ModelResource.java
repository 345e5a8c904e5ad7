package io.tenure.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's idea of one prepaid resource: its term, what was paid for it in that term, its add-ons, its
 * phase under the policy snapshot its phase began with, and every non-periodic event it should have had.
 * Mutable; used by one thread.
 */
final class ModelResource {
  String id;
  final ModelAccount account;
  final String plan;
  final String period;
  final String groupId;
  Instant termStart;
  Instant termEnd;
  int termPeriods;
  BigDecimal planPaid;
  /** Add-on code to its holding, in the order Tenure bills them (first bought first). */
  final Map<String, Holding> addOns = new LinkedHashMap<>();
  String phase = "ACTIVE";
  int phaseIndex = -1;
  Instant phaseStartedAt;
  ModelCatalog.Policy policy;
  /** The catalog version the current term was bought or last renewed under: its add-on prices and refund fee apply. */
  ModelCatalog termCatalog;
  boolean autoRenew;
  int autoRenewPeriods = 1;
  /** Auto-renewal checks at or before this instant were made (a renewal or restore moves it). */
  Instant checkedThrough;
  final List<Event> events = new ArrayList<>();

  /** Units of one add-on and what was paid for them in the current term. */
  static final class Holding {
    long quantity;
    BigDecimal paid;

    Holding(long quantity, BigDecimal paid) {
      this.quantity = quantity;
      this.paid = paid;
    }
  }

  /** A phase change or act at its instant, as the timeline's past events list it. */
  record Event(Instant at, String type) {
    @Override
    public String toString() {
      return type + "@" + at;
    }
  }

  ModelResource(String id, ModelAccount account, String plan, String period, String groupId) {
    this.id = id;
    this.account = account;
    this.plan = plan;
    this.period = period;
    this.groupId = groupId;
  }

  /** The resource with the id Tenure gave it at purchase. */
  ModelResource withId(String given) {
    this.id = given;
    return this;
  }

  boolean ended() {
    return phase.equals("RELEASED") || phase.equals("RELEASE_PENDING") || phase.equals("UNSUBSCRIBED");
  }

  int months(int periods) {
    return period.equals("YEAR") ? 12 * periods : periods;
  }

  void record(Instant at, String type) {
    events.add(new Event(at, type));
  }
}
