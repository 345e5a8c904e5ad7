package io.tenure.catalog;

import io.tenure.error.NotFoundException;
import io.tenure.lifecycle.Policy;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * One version of everything the operator sells, in one currency, to accounts of the tiers it lists. Built
 * only by {@link CatalogFile}, which has checked that every reference resolves. Immutable and thread-safe.
 *
 * @param tiers the account tiers this version knows, in file order; an account of another tier is refused
 */
public record Catalog(int version, Currency currency, List<String> tiers, List<Product> products, List<Plan> plans,
    List<AddOn> addOns, List<Policy> policies) {

  public Catalog {
    tiers = List.copyOf(tiers);
    products = List.copyOf(products);
    plans = List.copyOf(plans);
    addOns = List.copyOf(addOns);
    policies = List.copyOf(policies);
  }

  /** The same content stored under another version number (a file sent back unchanged becomes the next version). */
  public Catalog withVersion(int newVersion) {
    return new Catalog(newVersion, currency, tiers, products, plans, addOns, policies);
  }

  public boolean knowsTier(String tier) {
    return tiers.contains(tier);
  }

  public Optional<Product> findProduct(String code) {
    return products.stream().filter(product -> product.code().equals(code)).findFirst();
  }

  public Optional<Plan> findPlan(String code) {
    return plans.stream().filter(plan -> plan.code().equals(code)).findFirst();
  }

  public Optional<AddOn> findAddOn(String code) {
    return addOns.stream().filter(addOn -> addOn.code().equals(code)).findFirst();
  }

  public Optional<Policy> findPolicy(String code) {
    return policies.stream().filter(policy -> policy.code().equals(code)).findFirst();
  }

  /** The product called {@code code}, or {@code PRODUCT_NOT_FOUND}. */
  public Product product(String code) {
    return findProduct(code).orElseThrow(() -> notFound("PRODUCT_NOT_FOUND", "product", code));
  }

  /** The plan called {@code code}, or {@code PLAN_NOT_FOUND}. */
  public Plan plan(String code) {
    return findPlan(code).orElseThrow(() -> notFound("PLAN_NOT_FOUND", "plan", code));
  }

  /** The add-on called {@code code}, or {@code ADD_ON_NOT_FOUND}. */
  public AddOn addOn(String code) {
    return findAddOn(code).orElseThrow(() -> notFound("ADD_ON_NOT_FOUND", "add-on", code));
  }

  /** The policy called {@code code}, or {@code POLICY_NOT_FOUND}. */
  public Policy policy(String code) {
    return findPolicy(code).orElseThrow(() -> notFound("POLICY_NOT_FOUND", "policy", code));
  }

  /** The lifecycle policy {@code plan} follows; it always exists, the loader checked it. */
  public Policy policyOf(Plan plan) {
    return policy(plan.policyCode());
  }

  private NotFoundException notFound(String errorCode, String kind, String code) {
    return new NotFoundException(errorCode, "There is no " + kind + " '" + code + "' in catalog version " + version + ".");
  }
}
