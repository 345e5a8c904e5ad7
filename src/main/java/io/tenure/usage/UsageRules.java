package io.tenure.usage;

import io.tenure.api.Caller;
import io.tenure.catalog.Plan;
import io.tenure.clock.OperatorZone;
import io.tenure.error.Echo;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which usage events are accepted (SPEC.md section 7): a resource the caller reaches, a meter of its plan, a time
 * within the accepted window of Tenure's clock. Pure: the resource, its plan and the instant are passed in.
 */
final class UsageRules {
  /** How far back an event may lie; its id is remembered at least this long. */
  static final Duration ACCEPTED_AGE = Duration.ofDays(35);
  /** How far ahead of Tenure's clock an event may lie (the metering agents' clocks run a little ahead). */
  static final Duration ACCEPTED_LEAD = Duration.ofMinutes(5);

  private UsageRules() {}

  /** Why {@code event} cannot be accepted, or null. */
  static Rejection problem(Caller caller, UsageEvent event, UsageStore.MeteredResource resource,
      Function<UsageStore.MeteredResource, Plan> planOf, Instant now) {
    if (resource == null || !reaches(caller, resource)) {
      // Another account's resource is answered exactly like one that does not exist (docs/scopes.md).
      return new Rejection(event.index(), "UNKNOWN_RESOURCE", path(event) + "resourceId': no resource " + Echo.of(event.resourceId()) + ".");
    }
    Plan plan = planOf.apply(resource);
    if (plan.meter(event.meter()).isEmpty()) {
      String known = plan.meters().isEmpty() ? "the plan " + plan.code() + " is not metered"
          : "the meters of the plan " + plan.code() + " are " + String.join(", ", plan.meters().stream().map(m -> m.code()).toList());
      return new Rejection(event.index(), "UNKNOWN_METER", path(event) + "meter': no meter " + Echo.of(event.meter()) + "; " + known + ".");
    }
    if (event.time().isBefore(now.minus(ACCEPTED_AGE)) || event.time().isAfter(now.plus(ACCEPTED_LEAD))) {
      return new Rejection(event.index(), "TIME_OUT_OF_RANGE", path(event) + "time': must lie between " + ACCEPTED_AGE.toDays()
          + " days before and " + ACCEPTED_LEAD.toMinutes() + " minutes after Tenure's clock, " + OperatorZone.iso(now) + ".");
    }
    return null;
  }

  /** The start of a rejection's message; built only for a rejected event. */
  private static String path(UsageEvent event) {
    return "Field 'events[" + event.index() + "].";
  }

  /** Whether the caller may send usage for the resource: the operator any, a partner its accounts', an account its own. */
  private static boolean reaches(Caller caller, UsageStore.MeteredResource resource) {
    return switch (caller.scope()) {
      case OPERATOR -> true;
      case PARTNER -> Objects.equals(caller.partnerId(), resource.partnerId());
      case ACCOUNT -> Objects.equals(caller.accountId(), resource.accountId());
    };
  }
}
