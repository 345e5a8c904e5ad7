package io.tenure.hold;

import io.tenure.api.Caller;
import io.tenure.error.ForbiddenException;

/**
 * Who may apply and lift which hold (docs/scopes.md). The operator: every hold. A partner, on its own accounts:
 * only holds it could have asked for itself, non-permanent with reason PARTNER, so that no partner lifts the
 * operator's violation hold or a ban. An account's key: none (the route refuses it before this). Stateless.
 */
final class HoldRights {

  private HoldRights() {}

  /** Refuses with 403 {@code HOLD_NOT_ALLOWED} a hold this caller may not apply or lift. */
  static void require(Caller caller, HoldReason reason, boolean permanent, String act) {
    if (caller.isOperator()) {
      return;
    }
    if (caller.scope() != Caller.Scope.PARTNER || permanent || reason != HoldReason.PARTNER) {
      throw new ForbiddenException("HOLD_NOT_ALLOWED", "A partner's key may " + act
          + " only non-permanent holds with reason PARTNER; this hold is the operator's.");
    }
  }
}
