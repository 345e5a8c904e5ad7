package io.tenure.subscription;

import io.tenure.lifecycle.NoticeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of every message type a routing must cover: those of {@link NoticeType}, and those of SPEC.md
 * section 6 whose causes do not exist yet. Names, not the enum, so that the routing can name a type before the
 * code that raises it; once the enum lists them all, {@link #PENDING} is empty.
 */
public final class MessageTypes {
  /** Types of SPEC.md section 6 not yet in {@link NoticeType}, each raised by the issue that builds its cause. */
  static final List<String> PENDING = List.of("LOW_BALANCE", "ARREARS", "HOLD_APPLIED", "HOLD_LIFTED");

  /** Every type, in the order of the enum and then of {@link #PENDING}: the order answers list types in. */
  public static final List<String> ALL = all();

  private MessageTypes() {}

  public static boolean known(String name) {
    return ALL.contains(name);
  }

  private static List<String> all() {
    Set<String> names = new LinkedHashSet<>();
    Arrays.stream(NoticeType.values()).map(Enum::name).forEach(names::add);
    names.addAll(PENDING);
    return List.copyOf(new ArrayList<>(names));
  }
}
