package io.tenure.engine;

import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.Phase;
import io.tenure.resource.Changing;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Resource groups (seed 001): when one package of a group expires, each unexpired package of the group is
 * refunded for its unused part and ended, so the group as a whole stops.
 */
public final class GroupExpiry {
  private final ResourceStore resources;
  private final Changing changing;

  public GroupExpiry(ResourceStore resources, Changing changing) {
    this.resources = resources;
    this.changing = changing;
  }

  /**
   * Ends and refunds the unexpired members of {@code expired}'s group; returns the members it ended. A member the
   * engine has already processed in this transaction is judged by that newer state.
   */
  List<ResourceRecord> refundUnexpiredMembers(Handle handle, ResourceRecord expired,
      Effect.RefundUnexpiredGroupMembers effect, LifecycleWrites writes) {
    if (expired.groupId().isEmpty()) {
      return List.of();
    }
    List<ResourceRecord> ended = new ArrayList<>();
    for (ResourceRecord stored : resources.lockGroup(handle, expired)) {
      ResourceRecord member = writes.saved(stored.id()).map(stored::withStateOf).orElse(stored);
      boolean unexpired = member.lifecycle().phase() == Phase.ACTIVE
          && member.term().map(term -> term.end().isAfter(effect.at())).orElse(false);
      if (unexpired) {
        ended.add(changing.unsubscribe(handle, member, effect.at(), writes).resource());
      }
    }
    return ended;
  }
}
