package io.tenure.hold;

import io.tenure.api.Caller;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import io.tenure.error.InvalidInputException;
import io.tenure.error.Require;
import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.NoticeType;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.ProviderCommand;
import io.tenure.notify.Notice;
import io.tenure.notify.Notices;
import io.tenure.provider.ProviderCommands;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import io.tenure.store.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Applies and lifts holds, each in the caller's transaction with the account already locked
 * ({@code AccountChanges.change}): the hold row, one provider command per resource it bears on (an account hold:
 * every resource of the account that a provider still runs), and the owner's notice, all commit together. A hold
 * never touches the lifecycle: the phase keeps moving under it, and a renewal never lifts it. Thread-safe.
 */
public final class Holding {
  private static final int PAGE = 1000;
  private static final List<Phase> ENDED = List.of(Phase.RELEASED, Phase.UNSUBSCRIBED);

  private final HoldStore holds;
  private final ResourceStore resources;
  private final Catalogs catalogs;
  private final Notices notices;
  private final ProviderCommands providers;

  public Holding(HoldStore holds, ResourceStore resources, Catalogs catalogs, Notices notices, ProviderCommands providers) {
    this.holds = holds;
    this.resources = resources;
    this.catalogs = catalogs;
    this.notices = notices;
    this.providers = providers;
  }

  /** Applies the hold {@code request} asks for on {@code accountId} (which holds its target) for {@code caller}. */
  Hold apply(Handle handle, Caller caller, String accountId, HoldRequests.NewHold request, Instant now) {
    HoldRights.require(caller, request.reason(), request.isPermanent(), "apply");
    Optional<ResourceRecord> resource = request.scope() == HoldScope.ACCOUNT
        ? Optional.empty() : Optional.of(resources.lock(handle, request.targetId()));
    resource.ifPresent(held -> requireFeature(held, request));
    Hold hold = new Hold(Ids.next("hold"), accountId, request.scope(), resource.map(ResourceRecord::id),
        Optional.ofNullable(request.feature()), request.reason(), request.isPermanent(), request.note(), now,
        caller.scope().name(), Optional.empty(), Optional.empty());
    holds.insert(handle, hold);
    announce(handle, hold, resource, ProviderCommand.HOLD_APPLIED, NoticeType.HOLD_APPLIED, now);
    return hold;
  }

  /** Lifts hold {@code holdId} for {@code caller}; a hold already lifted is answered as it is. */
  Hold lift(Handle handle, Caller caller, String holdId, Instant now) {
    Hold hold = holds.lock(handle, holdId);
    HoldRights.require(caller, hold.reason(), hold.permanent(), "lift");
    if (!hold.inForce()) {
      return hold;
    }
    Hold lifted = hold.lifted(now, caller.scope().name());
    holds.saveLifted(handle, lifted);
    Optional<ResourceRecord> resource = hold.resourceId().map(id -> resources.lock(handle, id));
    announce(handle, lifted, resource, ProviderCommand.HOLD_LIFTED, NoticeType.HOLD_LIFTED, now);
    return lifted;
  }

  /** A FEATURE hold names a feature of the resource's plan (400 {@code UNKNOWN_FEATURE} otherwise). */
  private void requireFeature(ResourceRecord resource, HoldRequests.NewHold request) {
    if (request.scope() != HoldScope.FEATURE) {
      return;
    }
    Plan plan = catalogs.version(resource.catalogVersion()).plan(resource.planCode());
    if (!plan.hasFeature(request.feature())) {
      throw new InvalidInputException("UNKNOWN_FEATURE", Require.fieldMessage("feature", String.format(
          "plan %s has no feature '%s' (its features: %s)", plan.code(), request.feature(), plan.features())));
    }
  }

  /**
   * One provider command per resource the hold bears on that a provider still runs, with its service level now, and
   * the owner's notice.
   */
  private void announce(Handle handle, Hold hold, Optional<ResourceRecord> resource, ProviderCommand command,
      NoticeType type, Instant now) {
    List<Hold> inForce = holds.inForce(handle, hold.accountId());
    List<ProviderCommands.Command> commands = new ArrayList<>();
    List<ResourceRecord> told = resource.isPresent() ? resource.filter(Holding::stillRunning).stream().toList()
        : running(handle, hold.accountId());
    for (ResourceRecord held : told) {
      List<Hold> bearing = inForce.stream().filter(other -> other.bearsOn(held.id())).toList();
      commands.add(new ProviderCommands.Command(held.id(),
          new Effect.TellProvider(command, Entitlements.serviceLevel(held.lifecycle(), bearing), now)));
    }
    providers.record(handle, commands);
    notices.record(handle, List.of(Notice.ofHold("hold:" + hold.id() + ":" + type.name(), hold.accountId(), hold.resourceId(),
        type, now, hold.reason().name())));
  }

  /**
   * Whether a provider still runs {@code resource}: not released or unsubscribed. An ended resource is told nothing
   * more (its last event said it ended), though its owner still gets the hold's notice.
   */
  private static boolean stillRunning(ResourceRecord resource) {
    return !ENDED.contains(resource.lifecycle().phase());
  }

  /** The account's resources a provider still runs (not released or unsubscribed), in id order. */
  private List<ResourceRecord> running(Handle handle, String accountId) {
    List<ResourceRecord> found = new ArrayList<>();
    String after = null;
    while (true) {
      List<ResourceRecord> page = resources.listForAccount(handle, accountId, null, after, PAGE);
      page.stream().filter(Holding::stillRunning).forEach(found::add);
      if (page.size() < PAGE) {
        return found;
      }
      after = page.getLast().id();
    }
  }
}
