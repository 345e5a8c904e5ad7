package io.tenure.lifecycle;

import io.tenure.error.RejectedException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The gates of SPEC.md section 4: which operations each phase allows, and the refusal, with a stable code,
 * of those it does not. The codes are:
 * <ul>
 *   <li>{@code RESOURCE_RELEASED}: anything on a resource being released or released;</li>
 *   <li>{@code RESOURCE_UNSUBSCRIBED}: anything on an unsubscribed resource;</li>
 *   <li>{@code UNSUBSCRIBE_NOT_ALLOWED}: unsubscribing in GRACE or FROZEN (the seed's verbatim message);</li>
 *   <li>{@code ADD_ONS_NOT_ALLOWED}: changing expansion packages in GRACE or FROZEN;</li>
 *   <li>{@code SERVICE_UNAVAILABLE}: using a resource whose phase gives it no service;</li>
 *   <li>{@code OPERATION_NOT_ALLOWED}: any other operation the phase does not allow.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Operations {

  /** The message of seed 002, verbatim. */
  static final String UNSUBSCRIBE_EXPIRED_MESSAGE =
      "Unsubscription error: Unsubscription not supported for expired services.";

  private Operations() {}

  /** The operations a resource in {@code phase} with {@code service} allows. */
  public static Set<Operation> allowed(Phase phase, ServiceLevel service) {
    return switch (phase) {
      case ACTIVE -> EnumSet.allOf(Operation.class);
      case GRACE -> service == ServiceLevel.NONE
          ? EnumSet.of(Operation.RENEW, Operation.TOP_UP)
          : EnumSet.of(Operation.RENEW, Operation.TOP_UP, Operation.USE);
      case FROZEN -> EnumSet.of(Operation.RENEW, Operation.TOP_UP);
      case RELEASE_PENDING, RELEASED, UNSUBSCRIBED -> EnumSet.noneOf(Operation.class);
    };
  }

  /** The operations the resource allows now. */
  public static Set<Operation> allowed(LifecycleState state) {
    return allowed(state.phase(), state.serviceLevel());
  }

  /** Throws {@link RejectedException} with a stable code when the resource does not allow {@code operation}. */
  public static void require(LifecycleState state, Operation operation) {
    if (allowed(state).contains(operation)) {
      return;
    }
    throw switch (state.phase()) {
      case RELEASE_PENDING, RELEASED -> new RejectedException("RESOURCE_RELEASED",
          "The resource has been released; it cannot be renewed, restored or changed.");
      case UNSUBSCRIBED -> new RejectedException("RESOURCE_UNSUBSCRIBED",
          "The resource was unsubscribed; nothing more can be done with it.");
      case ACTIVE, GRACE, FROZEN -> refusalAfterExpiry(state, operation);
    };
  }

  private static RejectedException refusalAfterExpiry(LifecycleState state, Operation operation) {
    return switch (operation) {
      case UNSUBSCRIBE -> new RejectedException("UNSUBSCRIBE_NOT_ALLOWED", UNSUBSCRIBE_EXPIRED_MESSAGE);
      case CHANGE_ADD_ONS -> new RejectedException("ADD_ONS_NOT_ALLOWED", String.format(
          "Expansion packages cannot be changed while the resource is %s; renew it first.", state.phase()));
      case USE -> new RejectedException("SERVICE_UNAVAILABLE", String.format(
          "The resource is %s and its service is stopped; renew it to restore the service.", state.phase()));
      case RENEW, TOP_UP, SET_AUTO_RENEW -> new RejectedException("OPERATION_NOT_ALLOWED", String.format(
          "%s is not allowed while the resource is %s.", operation, state.phase()));
    };
  }
}
