package io.tenure.subscription;

import io.tenure.lifecycle.NoticeType;
import java.util.Arrays;
import java.util.List;

/**
 * The names of every message type a routing must cover: those of {@link NoticeType}, SPEC.md section 6's list,
 * including those whose causes do not exist yet (low balance, arrears, holds). A routing file and a subscription
 * name types by these names.
 */
public final class MessageTypes {
  /** Every type, in the order of the enum: the order answers list types in. */
  public static final List<String> ALL = Arrays.stream(NoticeType.values()).map(Enum::name).toList();

  private MessageTypes() {}

  public static boolean known(String name) {
    return ALL.contains(name);
  }
}
