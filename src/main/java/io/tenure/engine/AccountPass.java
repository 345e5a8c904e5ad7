package io.tenure.engine;

import io.tenure.catalog.Catalog;
import io.tenure.clock.OperatorZone;
import io.tenure.clock.Pace;
import io.tenure.error.Require;
import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Transition;
import io.tenure.provider.ProviderCommands;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.ResourceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's due work, in due order across its resources: the merged stream of their events
 * ({@link AccountStream}), each applied with the pure rules and its effects (an auto-renewal, a group expiry, a
 * release nobody confirms) before the next. Runs in the caller's transaction on an account the caller has locked;
 * what it decides goes to the caller's {@link LifecycleWrites}. Thread-safe (no state of its own).
 */
final class AccountPass {
  // The phase-change lines are the engine's, whichever class writes them: operators filter logs by that name.
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleEngine.class);
  /** Events one account may go through in one chunk; a guard against a rule that never settles. */
  private static final int STEPS_MAX = 1_000_000;

  private final AutoRenewing autoRenewing;
  private final GroupExpiry groupExpiry;
  private final ProviderCommands providers;
  private final Settling settling;
  private final int batchSize;

  AccountPass(AutoRenewing autoRenewing, GroupExpiry groupExpiry, ProviderCommands providers, Settling settling, int batchSize) {
    this.autoRenewing = autoRenewing;
    this.settling = settling;
    this.groupExpiry = groupExpiry;
    this.providers = providers;
    this.batchSize = batchSize;
  }

  /**
   * Applies, in due order across the account's resources and its hourly settlements (the next due at
   * {@code settleDue}), every event due by {@code now} of {@code due} (the account's due resources in due order,
   * at most one more than a batch). When there is one more, that one and
   * everything due from its instant on are left for the next chunk, so the order holds across chunks. Returns
   * how many of the due resources it brought up to date.
   */
  int process(Handle handle, String accountId, List<ResourceRecord> due, Optional<Instant> settleDue, Instant now, Pace pace,
      LifecycleWrites batch, Catalog newest, RenewalQuotes quotes, Checkpoint checkpoint) {
    Optional<AccountStream.Due> horizon = Optional.empty();
    List<ResourceRecord> processed = due;
    if (due.size() > batchSize) {
      horizon = Lifecycle.nextDueAt(due.getLast().lifecycle()).map(at -> new AccountStream.Due(at, due.getLast().id()));
      processed = due.subList(0, batchSize);
    }
    AccountStream stream = new AccountStream();
    for (ResourceRecord resource : processed) {
      ResourceRecord current = withNewestPolicy(resource, newest);
      stream.queue(current.id(), batch.saveLifecycle(current));
    }
    stream.queueSettlement(settleDue);
    int steps = 0;
    boolean held = checkpoint.holdsAtStart(handle);
    for (Optional<AccountStream.Due> next = held ? Optional.empty() : stream.next(now, horizon); next.isPresent();
        next = stream.next(now, horizon)) {
      Require.invariant(++steps < STEPS_MAX, "account %s did not settle after %d steps", accountId, steps);
      if (next.get().resourceId().equals(AccountStream.SETTLEMENT)) {
        // Settled at the hour's end whatever the pace: the bill, the charge and an arrears' start carry that instant.
        stream.queueSettlement(settling.settle(handle, accountId, next.get().at(), batch, stream::queue));
        quotes.moneyMoved(accountId);
        if (checkpoint.reachedAfterStep(handle, next.get().at())) {
          break;
        }
        continue;
      }
      ResourceRecord current = batch.saved(next.get().resourceId()).orElseThrow();
      Instant judgedAt = pace == Pace.LIVE ? next.get().at() : now;
      ResourceRecord after = step(handle, current, judgedAt, batch, stream, quotes);
      stream.queue(after.id(), batch.saveLifecycle(after));
      if (checkpoint.reachedAfterStep(handle, judgedAt)) {
        break;
      }
    }
    // A resource left due for the next chunk is counted when that chunk brings it up to date.
    return (int) processed.stream().filter(resource -> !stream.stillDue(resource.id(), now)).count();
  }

  /**
   * Applies the events of {@code resource} due at its next due instant, judged at {@code judgedAt}, and their
   * effects; a group member that an effect changed is queued again in {@code stream}. Returns the resource after.
   */
  private ResourceRecord step(Handle handle, ResourceRecord resource, Instant judgedAt, LifecycleWrites batch,
      AccountStream stream, RenewalQuotes quotes) {
    Transition transition = Lifecycle.step(resource.lifecycle(), judgedAt);
    // A due step always moves the state on (at least what it has handled); one that did not would loop.
    Require.invariant(!transition.state().equals(resource.lifecycle()), "resource %s did not move at its due instant %s",
        resource.id(), judgedAt);
    logPhaseChanges(resource, transition);
    ResourceRecord current = resource.withLifecycle(transition.state());
    for (Effect effect : batch.add(current, transition)) {
      ResourceRecord before = current;
      current = apply(handle, current, effect, batch, stream, quotes);
      logPhaseChange(before, current);
    }
    if (current.lifecycle().phase() == Phase.RELEASE_PENDING) {
      Transition completed = Lifecycle.completeUnconfirmedRelease(current.lifecycle(),
          providers.releaseConfirmation(handle, current.planCode()));
      ResourceRecord before = current;
      current = current.withLifecycle(completed.state());
      batch.add(current, completed);
      logPhaseChange(before, current);
    }
    return current;
  }

  private ResourceRecord apply(Handle handle, ResourceRecord resource, Effect effect, LifecycleWrites batch,
      AccountStream stream, RenewalQuotes quotes) {
    switch (effect) {
      case Effect.TryAutoRenew check -> {
        return autoRenewing.check(handle, resource, check, batch, quotes);
      }
      case Effect.RefundUnexpiredGroupMembers refund -> {
        groupExpiry.refundUnexpiredMembers(handle, resource, refund, batch).forEach(stream::queue);
        quotes.moneyMoved(resource.accountId());
      }
      case Effect.FreezeGroup ignored -> {
        // Ending the unexpired members (the refund above) is what stops the group; nothing more to freeze.
      }
      case Effect.SendNotice ignored -> throw new IllegalStateException("notices are written by LifecycleWrites");
      case Effect.TellProvider ignored -> throw new IllegalStateException("provider commands are written by LifecycleWrites");
    }
    return resource;
  }

  /** The resource under its plan's policy in the newest catalog, if it follows it ({@link Lifecycle#underNewestPolicy}). */
  private static ResourceRecord withNewestPolicy(ResourceRecord resource, Catalog newest) {
    if (newest.version() == resource.policyVersion()) {
      return resource;
    }
    return newest.findPlan(resource.planCode()).map(newest::policyOf)
        .filter(policy -> Lifecycle.underNewestPolicy(resource.lifecycle(), policy).policy().equals(policy))
        .map(policy -> resource.withPolicy(newest.version(), policy))
        .orElse(resource);
  }

  /** One line per phase change that {@code transition} makes, each naming the phase it left. */
  private static void logPhaseChanges(ResourceRecord resource, Transition transition) {
    Phase left = resource.lifecycle().phase();
    for (LifecycleEvent event : transition.events()) {
      if (event.phase() != left) {
        logPhaseChange(resource.id(), left, event.phase(), event.at());
        left = event.phase();
      }
    }
  }

  /** One line if an effect (an auto-renewal, a release without provider) changed the phase. */
  private static void logPhaseChange(ResourceRecord before, ResourceRecord after) {
    if (before.lifecycle().phase() != after.lifecycle().phase()) {
      logPhaseChange(after.id(), before.lifecycle().phase(), after.lifecycle().phase(), after.lifecycle().phaseStartedAt());
    }
  }

  private static void logPhaseChange(String resourceId, Phase left, Phase entered, Instant at) {
    if (LOG.isInfoEnabled()) {
      LOG.info("lifecycle - resource {} {} -> {} at {}", resourceId, left, entered, OperatorZone.iso(at));
    }
  }
}
