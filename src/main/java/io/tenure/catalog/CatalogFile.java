package io.tenure.catalog;

import io.tenure.error.Echo;
import io.tenure.error.Require;
import io.tenure.lifecycle.Policy;
import io.tenure.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a catalog from its YAML (or JSON) text, checking everything before anything is used: every error is
 * an {@code INVALID_CATALOG} of the form {@code "<source>:<line>: <field path>: <problem>"}. The format is
 * described in docs/catalog.md. Thread-safe: it keeps no state.
 */
public final class CatalogFile {

  /** The classpath location of the demo catalog shipped with Tenure. */
  public static final String DEMO_RESOURCE = "/catalog/demo.yaml";

  private CatalogFile() {}

  /** Parses and validates {@code text}; {@code sourceName} is the file name used in error messages. */
  public static Catalog parse(String text, String sourceName) {
    return read(text, sourceName, true);
  }

  /**
   * Parses a version stored before catalogs declared their tiers: without a {@code tiers} list it knows the
   * tiers its policies name. Everything else is checked as in {@link #parse}.
   */
  static Catalog parseStored(String text, String sourceName) {
    return read(text, sourceName, false);
  }

  private static Catalog read(String text, String sourceName, boolean tiersRequired) {
    Require.invariant(text != null && sourceName != null, "a catalog needs a text and a source name");
    CatalogNode root = CatalogNode.root(LocatedTree.read(text, sourceName))
        .allowOnly("version", "currency", "tiers", "products", "plans", "addOns", "policies");
    int version = version(root.require("version"));
    Currency currency = currency(root.require("currency"));
    Optional<List<String>> declaredTiers = tiersRequired
        ? Optional.of(TierReader.tiers(root.require("tiers"))) : root.optional("tiers").map(TierReader::tiers);
    List<Product> products = unique(root.require("products").listOf(CatalogFile::product), Product::code, root, "products");
    List<AddOn> addOns = unique(optionalList(root, "addOns", node -> addOn(node, currency)), AddOn::code, root, "addOns");
    List<Policy> policies = unique(root.require("policies").listOf(node -> PolicyReader.policy(node, declaredTiers)),
        Policy::code, root, "policies");
    List<String> tiers = declaredTiers.orElseGet(() -> TierReader.namedBy(policies));
    Catalog partial = new Catalog(version, currency, tiers, products, List.of(), addOns, policies);
    List<Plan> plans = unique(root.require("plans").listOf(node -> PlanReader.plan(node, partial)), Plan::code, root, "plans");
    return new Catalog(version, currency, tiers, products, plans, addOns, policies);
  }

  /** The demo catalog shipped in the jar (docs/catalog.md lists its codes). */
  public static Catalog demo() {
    try (InputStream input = CatalogFile.class.getResourceAsStream(DEMO_RESOURCE)) {
      Require.invariant(input != null, "the demo catalog %s is missing from the classpath", DEMO_RESOURCE);
      return parse(new String(input.readAllBytes(), StandardCharsets.UTF_8), "demo.yaml");
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot read the demo catalog " + DEMO_RESOURCE, failure);
    }
  }

  private static int version(CatalogNode node) {
    long version = node.wholeNumber(1);
    if (version > Integer.MAX_VALUE) {
      throw node.error("%d is too large", version);
    }
    return (int) version;
  }

  private static Currency currency(CatalogNode node) {
    String code = node.text();
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() < 0) {
        throw node.error("'%s' has no minor unit and cannot be used for money", Echo.of(code));
      }
      return currency;
    } catch (IllegalArgumentException failure) {
      throw node.error("'%s' is not an ISO 4217 currency code", Echo.of(code));
    }
  }

  private static Product product(CatalogNode node) {
    node.allowOnly("code", "name");
    return new Product(node.require("code").code(), node.require("name").name());
  }

  private static AddOn addOn(CatalogNode node, Currency currency) {
    node.allowOnly("code", "name", "dimension", "amountPerUnit", "prices");
    Map<BillingPeriod, Money> prices = prices(node.require("prices"), currency);
    if (prices.isEmpty()) {
      throw node.require("prices").error("needs a price for MONTH or YEAR");
    }
    return new AddOn(node.require("code").code(), node.require("name").name(), node.require("dimension").code(),
        node.require("amountPerUnit").wholeNumber(1), prices);
  }

  /** A mapping of billing period to a positive amount: {@code {MONTH: 180.00, YEAR: 1800.00}}. */
  static Map<BillingPeriod, Money> prices(CatalogNode node, Currency currency) {
    Map<BillingPeriod, Money> prices = new EnumMap<>(BillingPeriod.class);
    for (Map.Entry<String, CatalogNode> entry : node.entries().entrySet()) {
      BillingPeriod period;
      try {
        period = BillingPeriod.valueOf(entry.getKey());
      } catch (IllegalArgumentException failure) {
        throw entry.getValue().error("is not a billing period (MONTH or YEAR)");
      }
      prices.put(period, money(entry.getValue(), currency));
    }
    return prices;
  }

  /** A positive amount with no more decimals than {@code currency} has. */
  static Money money(CatalogNode node, Currency currency) {
    BigDecimal amount = node.decimal();
    if (amount.signum() <= 0) {
      throw node.error("%s must be positive", amount.toPlainString());
    }
    int digits = currency.getDefaultFractionDigits();
    if (amount.stripTrailingZeros().scale() > digits) {
      throw node.error("%s has more than %d decimals for %s", amount.toPlainString(), digits, currency.getCurrencyCode());
    }
    if (amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE, digits)) > 0) {
      throw node.error("%s is too large", amount.toPlainString());
    }
    return Money.of(amount, currency, node.path);
  }

  /** A mapping of dimension to a whole quantity at least {@code minimum}, in file order. */
  static Map<String, Long> quantities(CatalogNode node, long minimum) {
    Map<String, Long> quantities = new LinkedHashMap<>();
    node.entries().forEach((dimension, value) -> {
      if (!dimension.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
        throw value.error("'%s' is not a dimension code (lower-case letters, digits, '-' and '_')", Echo.of(dimension));
      }
      quantities.put(dimension, value.wholeNumber(minimum));
    });
    return quantities;
  }

  static <T> List<T> optionalList(CatalogNode parent, String name, Function<CatalogNode, T> reader) {
    return parent.optional(name).map(node -> node.listOf(reader)).orElse(List.of());
  }

  /** Refuses a second entry with a code already used, pointing at the second one. */
  static <T> List<T> unique(List<T> items, Function<T, String> code, CatalogNode parent, String listName) {
    Set<String> seen = new HashSet<>();
    List<CatalogNode> nodes = parent.optional(listName).map(CatalogNode::list).orElse(List.of());
    List<T> checked = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      if (!seen.add(code.apply(items.get(index)))) {
        CatalogNode duplicate = nodes.get(index);
        throw duplicate.optional("code").orElse(duplicate).error("code '%s' is used twice", code.apply(items.get(index)));
      }
      checked.add(items.get(index));
    }
    return checked;
  }
}
