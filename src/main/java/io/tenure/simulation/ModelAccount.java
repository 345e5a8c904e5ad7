package io.tenure.simulation;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The auditor's idea of one account: its tier, zone, balance, every wallet movement, and its resources. */
final class ModelAccount {
  final String id;
  final String name;
  final String tier;
  final ZoneId zone;
  BigDecimal balance;
  /** Every amount that moved the wallet, in order: what its ledger must hold, no more, no less. */
  final List<BigDecimal> movements = new ArrayList<>();
  /** Resources by id, in id order: the order Tenure's top-up retries auto-renewals in. */
  final TreeMap<String, ModelResource> resources = new TreeMap<>();
  int groups;

  ModelAccount(String id, String name, String tier, ZoneId zone, BigDecimal zero) {
    this.id = id;
    this.name = name;
    this.tier = tier;
    this.zone = zone;
    this.balance = zero;
  }

  void move(BigDecimal amount) {
    balance = balance.add(amount);
    if (amount.signum() != 0) {
      movements.add(amount);
    }
  }
}
