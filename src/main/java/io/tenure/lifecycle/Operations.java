package io.tenure.lifecycle;

import io.tenure.error.RejectedException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule of which operations a resource allows (SPEC.md section 4): the resource's
 * {@code allowedOperations} and every endpoint's gate are both read from {@link #refusal}, so they cannot
 * disagree. The refusal codes, checked in this order:
 * <ul>
 *   <li>{@code RESOURCE_RELEASED}: anything on a resource being released or released;</li>
 *   <li>{@code RESOURCE_UNSUBSCRIBED}: anything on an unsubscribed resource;</li>
 *   <li>{@code NOT_RENEWABLE}: renewing a pay-as-you-go resource, or setting its auto-renewal (it has no term);</li>
 *   <li>{@code ADD_ONS_NOT_ALLOWED}: changing expansion packages of a pay-as-you-go resource, or in GRACE or FROZEN;</li>
 *   <li>{@code UNSUBSCRIBE_NOT_ALLOWED}: unsubscribing in GRACE or FROZEN (the seed's verbatim message);</li>
 *   <li>{@code OPERATION_NOT_ALLOWED}: setting auto-renewal in GRACE or FROZEN.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Operations {

  /** The message of seed 002, verbatim. */
  static final String UNSUBSCRIBE_EXPIRED_MESSAGE =
      "Unsubscription error: Unsubscription not supported for expired services.";

  private Operations() {}

  /** Why {@code operation} is refused, as a stable code and a message. */
  public record Refusal(String code, String message) {
    RejectedException exception() {
      return new RejectedException(code, message);
    }
  }

  /** The operations the resource allows now: exactly those {@link #require} lets through. */
  public static Set<Operation> allowed(LifecycleState state) {
    Set<Operation> allowed = EnumSet.noneOf(Operation.class);
    for (Operation operation : Operation.values()) {
      if (refusal(state, operation).isEmpty()) {
        allowed.add(operation);
      }
    }
    return allowed;
  }

  /** Throws {@link RejectedException} with a stable code when the resource does not allow {@code operation}. */
  public static void require(LifecycleState state, Operation operation) {
    Optional<Refusal> refusal = refusal(state, operation);
    if (refusal.isPresent()) {
      throw refusal.get().exception();
    }
  }

  /** Empty when the resource allows {@code operation}, else why not. */
  public static Optional<Refusal> refusal(LifecycleState state, Operation operation) {
    Phase phase = state.phase();
    if (phase == Phase.RELEASE_PENDING || phase == Phase.RELEASED) {
      return refuse("RESOURCE_RELEASED", "The resource has been released; it cannot be renewed, restored or changed.");
    }
    if (phase == Phase.UNSUBSCRIBED) {
      return refuse("RESOURCE_UNSUBSCRIBED", "The resource was unsubscribed; nothing more can be done with it.");
    }
    if (state.policy().trigger() == Trigger.ARREARS) {
      Optional<Refusal> payAsYouGo = refusalForPayAsYouGo(operation);
      if (payAsYouGo.isPresent()) {
        return payAsYouGo;
      }
    }
    return phase == Phase.ACTIVE ? Optional.empty() : refusalAfterExpiry(phase, operation);
  }

  private static Optional<Refusal> refusalForPayAsYouGo(Operation operation) {
    return switch (operation) {
      case RENEW, SET_AUTO_RENEW -> refuse("NOT_RENEWABLE",
          "The resource is pay-as-you-go and has no term to renew; top up the account to pay what it owes.");
      case CHANGE_ADD_ONS -> refuse("ADD_ONS_NOT_ALLOWED",
          "Expansion packages are sold with prepaid terms only; a pay-as-you-go resource has none.");
      case UNSUBSCRIBE -> Optional.empty();
    };
  }

  private static Optional<Refusal> refusalAfterExpiry(Phase phase, Operation operation) {
    return switch (operation) {
      case RENEW -> Optional.empty();
      case UNSUBSCRIBE -> refuse("UNSUBSCRIBE_NOT_ALLOWED", UNSUBSCRIBE_EXPIRED_MESSAGE);
      case CHANGE_ADD_ONS -> refuse("ADD_ONS_NOT_ALLOWED", String.format(
          "Expansion packages cannot be changed while the resource is %s; renew it first.", phase));
      case SET_AUTO_RENEW -> refuse("OPERATION_NOT_ALLOWED", String.format(
          "Auto-renewal cannot be changed while the resource is %s; renew it first.", phase));
    };
  }

  private static Optional<Refusal> refuse(String code, String message) {
    return Optional.of(new Refusal(code, message));
  }
}
