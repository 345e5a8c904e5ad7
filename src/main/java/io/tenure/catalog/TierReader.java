package io.tenure.catalog;

import io.tenure.error.Echo;
import io.tenure.lifecycle.Policy;
import io.tenure.lifecycle.PolicyPhase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code tiers} list of a catalog file: the account tiers the catalog knows. Tiers are matched
 * exactly, so two tiers that differ only in case are refused rather than left for a caller to confuse.
 */
final class TierReader {

  /** What an account's tier may be written as; the account API accepts the same. */
  static final Pattern TIER = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

  private TierReader() {}

  static List<String> tiers(CatalogNode node) {
    List<CatalogNode> elements = node.list();
    if (elements.isEmpty()) {
      throw node.error("needs at least one tier");
    }
    List<String> tiers = new ArrayList<>();
    Set<String> seenIgnoringCase = new LinkedHashSet<>();
    for (CatalogNode element : elements) {
      String tier = element.text();
      if (!TIER.matcher(tier).matches()) {
        throw element.error("'%s' is not a tier (1 to 40 letters, digits, '.', '_' or '-')", Echo.of(tier));
      }
      if (tier.equalsIgnoreCase(PolicyPhase.DEFAULT_TIER)) {
        throw element.error("'%s' is the row for tiers a policy does not name, not a tier", tier);
      }
      if (!seenIgnoringCase.add(tier.toLowerCase(Locale.ROOT))) {
        throw element.error("tier '%s' is listed twice (tiers are told apart with their case, so list each once)", tier);
      }
      tiers.add(tier);
    }
    return tiers;
  }

  /** The tiers named by the length rows of {@code policies}, in order of appearance. */
  static List<String> namedBy(List<Policy> policies) {
    Set<String> named = new LinkedHashSet<>();
    for (Policy policy : policies) {
      for (PolicyPhase phase : policy.phases()) {
        phase.lengthByTier().keySet().stream().filter(tier -> !tier.equals(PolicyPhase.DEFAULT_TIER)).sorted().forEach(named::add);
      }
    }
    return List.copyOf(named);
  }
}
