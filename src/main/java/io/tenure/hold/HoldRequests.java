package io.tenure.hold;

import io.tenure.api.Json;
import io.tenure.error.Require;

/** The body of {@code POST /v1/holds}, checking itself once read. */
final class HoldRequests {
  static final int NOTE_LENGTH_MAX = 1000;

  private HoldRequests() {}

  /**
   * A hold to apply. {@code targetId} is the resource (RESOURCE, FEATURE) or the account (ACCOUNT); {@code feature}
   * is given for a FEATURE hold only.
   */
  record NewHold(HoldScope scope, String targetId, String feature, HoldReason reason, Boolean permanent, String note)
      implements Json.Validated {
    @Override
    public void validate() {
      Require.present(scope, "scope");
      Require.present(targetId, "targetId");
      Require.present(reason, "reason");
      Require.present(note, "note");
      Require.field(!targetId.isBlank(), "targetId", "must not be blank");
      Require.field(note.length() <= NOTE_LENGTH_MAX, "note", "must be at most %d characters", NOTE_LENGTH_MAX);
      if (scope == HoldScope.FEATURE) {
        Require.present(feature, "feature");
      } else {
        Require.field(feature == null, "feature", "is given for a FEATURE hold only");
      }
    }

    boolean isPermanent() {
      return Boolean.TRUE.equals(permanent);
    }
  }
}
