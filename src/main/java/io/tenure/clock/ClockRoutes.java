package io.tenure.clock;

import io.tenure.api.Json;
import io.tenure.api.Routes;
import io.tenure.error.InvalidInputException;
import io.tenure.error.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** {@code GET /v1/clock} and {@code POST /v1/clock/advance}, for the simulated clock only. */
public final class ClockRoutes {

  private ClockRoutes() {}

  /** The answer of both calls: the simulated clock's instant. */
  record Reading(OffsetDateTime now) {}

  /** Body of the advance call: exactly one of a target instant, a number of days, a number of hours. */
  record Advance(OffsetDateTime to, Long days, Long hours) implements Json.Validated {
    @Override
    public void validate() {
      int given = (to == null ? 0 : 1) + (days == null ? 0 : 1) + (hours == null ? 0 : 1);
      if (given != 1) {
        throw new InvalidInputException("INVALID_FIELD", "Give exactly one of 'to', 'days' or 'hours'.");
      }
      Require.field(days == null || Math.abs(days) <= 36_600, "days", "must be at most 36600, was %s", days);
      Require.field(hours == null || Math.abs(hours) <= 878_400, "hours", "must be at most 878400, was %s", hours);
    }

    Instant target(Instant now) {
      if (to != null) {
        return to.toInstant();
      }
      return days != null ? now.plus(Duration.ofDays(days)) : now.plus(Duration.ofHours(hours));
    }

    /** The field the target came from, for the message that refuses it. */
    String field() {
      return to != null ? "to" : days != null ? "days" : "hours";
    }
  }

  /** Registers the routes; instants are shown in {@code zone}, the operator's time zone. */
  public static void register(Routes routes, Scheduler scheduler, ZoneId zone) {
    routes.get("/v1/clock", Routes.Access.KEY, (context, caller) ->
        context.json(new Reading(scheduler.requireSimulated().now().atZone(zone).toOffsetDateTime())));
    routes.post("/v1/clock/advance", Routes.Access.OPERATOR, (context, caller) -> {
      Instant now = scheduler.requireSimulated().now();
      Advance advance = Json.read(context.bodyAsBytes(), Advance.class);
      Instant target = advance.target(now);
      // Before anything moves: a target the clock may not reach changes neither the clock nor any data.
      if (!target.isBefore(now)) {
        ClockRange.require(now, target, "Field '" + advance.field() + "'");
      }
      Instant reached = scheduler.advanceTo(target);
      context.json(new Reading(reached.atZone(zone).toOffsetDateTime()));
    });
  }
}
