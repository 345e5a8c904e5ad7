package io.tenure.lifecycle;

import java.util.List;
import java.util.stream.Stream;

/**
 * The result of applying the lifecycle rules: the new state, the events in due order and the effects the
 * engine must carry out. When nothing was due the state is the one passed in and both lists are empty. The
 * state can change with no event (a superseded notice is skipped but recorded as handled), so the engine
 * stores the state whenever it differs from the one it passed in.
 */
public record Transition(LifecycleState state, List<LifecycleEvent> events, List<Effect> effects) {

  public Transition {
    events = List.copyOf(events);
    effects = List.copyOf(effects);
  }

  static Transition unchanged(LifecycleState state) {
    return new Transition(state, List.of(), List.of());
  }

  /** This transition followed by {@code next}, which must start from this one's state. */
  Transition then(Transition next) {
    return new Transition(next.state,
        Stream.concat(events.stream(), next.events.stream()).toList(),
        Stream.concat(effects.stream(), next.effects.stream()).toList());
  }
}
