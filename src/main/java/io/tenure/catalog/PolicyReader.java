package io.tenure.catalog;

import io.tenure.error.Echo;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Policy;
import io.tenure.lifecycle.PolicyPhase;
import io.tenure.lifecycle.PolicyPresets;
import io.tenure.lifecycle.RenewFrom;
import io.tenure.lifecycle.ServiceLevel;
import io.tenure.lifecycle.Trigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one lifecycle policy of a catalog file: either a preset by name, or one written out in full. Every
 * rule the {@link Policy} constructor asserts is checked here first, so that a bad file is an
 * INVALID_CATALOG naming its line rather than an invariant failure.
 */
final class PolicyReader {

  private PolicyReader() {}

  /**
   * Reads one policy. With {@code tiers} declared, a written-out policy names only those tiers (and
   * {@code default}), and a preset keeps only its rows for them: a row no account can use is not part of it.
   */
  static Policy policy(CatalogNode node, Optional<List<String>> tiers) {
    node.requireMapping();
    if (node.optional("preset").isPresent()) {
      return preset(node, tiers);
    }
    node.allowOnly("code", "trigger", "phases", "renewFrom", "refundFeePercent", "group");
    String code = node.require("code").code();
    Trigger trigger = node.require("trigger").choice(Trigger.class);
    CatalogNode phasesNode = node.require("phases");
    List<CatalogNode> phaseNodes = phasesNode.list();
    List<PolicyPhase> phases = new ArrayList<>();
    for (int index = 0; index < phaseNodes.size(); index++) {
      phases.add(phase(phaseNodes.get(index), trigger, index == phaseNodes.size() - 1, tiers));
    }
    RenewFrom renewFrom = node.optional("renewFrom").map(value -> value.choice(RenewFrom.class)).orElse(RenewFrom.OLD_END);
    BigDecimal refundFeePercent = node.optional("refundFeePercent").map(PolicyReader::percent).orElse(BigDecimal.ZERO);
    Policy.GroupRule group = node.optional("group").map(PolicyReader::group).orElse(Policy.GroupRule.NONE);
    return new Policy(code, trigger, phases, renewFrom, refundFeePercent, group);
  }

  /** A preset, optionally under another code: {@code {preset: huawei-drive, code: drive-overdue}}. */
  private static Policy preset(CatalogNode node, Optional<List<String>> tiers) {
    node.allowOnly("preset", "code");
    CatalogNode presetNode = node.require("preset");
    String presetCode = presetNode.code();
    Policy preset = PolicyPresets.find(presetCode).orElseThrow(() -> presetNode.error("'%s' is not a preset (presets: %s)",
        presetCode, String.join(", ", PolicyPresets.ALL.stream().map(Policy::code).toList())));
    String code = node.optional("code").map(CatalogNode::code).orElse(presetCode);
    List<PolicyPhase> phases = preset.phases().stream().map(phase -> tiers.map(known -> onlyRowsOf(phase, known)).orElse(phase)).toList();
    return new Policy(code, preset.trigger(), phases, preset.renewFrom(), preset.refundFeePercent(), preset.group());
  }

  private static PolicyPhase onlyRowsOf(PolicyPhase phase, List<String> tiers) {
    Map<String, Duration> rows = new LinkedHashMap<>(phase.lengthByTier());
    rows.keySet().removeIf(tier -> !tier.equals(PolicyPhase.DEFAULT_TIER) && !tiers.contains(tier));
    return new PolicyPhase(phase.phase(), phase.service(), rows, phase.label());
  }

  private static PolicyPhase phase(CatalogNode node, Trigger trigger, boolean last, Optional<List<String>> tiers) {
    node.allowOnly("phase", "service", "label", "length");
    CatalogNode phaseNode = node.require("phase");
    Phase phase = phaseNode.choice(Phase.class);
    if (phase != Phase.GRACE && phase != Phase.FROZEN) {
      throw phaseNode.error("a policy phase is GRACE or FROZEN, not %s", phase);
    }
    ServiceLevel service = node.require("service").choice(ServiceLevel.class);
    String label = node.require("label").name();
    Map<String, Duration> lengthByTier = node.optional("length").map(length -> lengths(length, trigger, tiers)).orElse(Map.of());
    if (lengthByTier.isEmpty() && !last) {
      throw node.field("length").error("only the last phase may be indefinite; this one needs a length");
    }
    return new PolicyPhase(phase, service, lengthByTier, label);
  }

  /** Lengths by tier, with a {@code default} row; expiry policies count whole local days (SPEC.md section 2). */
  private static Map<String, Duration> lengths(CatalogNode node, Trigger trigger, Optional<List<String>> tiers) {
    Map<String, Duration> lengths = new LinkedHashMap<>();
    node.entries().forEach((tier, value) -> {
      boolean known = tier.equals(PolicyPhase.DEFAULT_TIER) || tiers.map(declared -> declared.contains(tier)).orElse(true);
      if (!known) {
        throw value.error("'%s' is not one of the catalog's tiers (%s) nor 'default'", Echo.of(tier),
            String.join(", ", tiers.orElseThrow()));
      }
      lengths.put(tier, length(value, trigger));
    });
    if (!lengths.containsKey(PolicyPhase.DEFAULT_TIER)) {
      throw node.error("needs a '%s' row for the tiers it does not name", PolicyPhase.DEFAULT_TIER);
    }
    return lengths;
  }

  private static Duration length(CatalogNode node, Trigger trigger) {
    String text = node.text();
    Duration length;
    try {
      length = Duration.parse(text);
    } catch (DateTimeParseException failure) {
      throw node.error("'%s' is not an ISO-8601 duration such as P15D or PT2H", Echo.of(text));
    }
    if (length.isNegative() || length.isZero()) {
      throw node.error("'%s' must be positive", Echo.of(text));
    }
    if (trigger == Trigger.EXPIRY && !length.equals(Duration.ofDays(length.toDays()))) {
      throw node.error("'%s' is not a whole number of days, which an EXPIRY policy needs", Echo.of(text));
    }
    return length;
  }

  private static BigDecimal percent(CatalogNode node) {
    BigDecimal percent = node.decimal();
    if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw node.error("%s is not between 0 and 100", percent.toPlainString());
    }
    return percent;
  }

  private static Policy.GroupRule group(CatalogNode node) {
    node.allowOnly("freezeGroup", "refundUnexpired");
    return new Policy.GroupRule(node.optional("freezeGroup").map(CatalogNode::bool).orElse(false),
        node.optional("refundUnexpired").map(CatalogNode::bool).orElse(false));
  }
}
