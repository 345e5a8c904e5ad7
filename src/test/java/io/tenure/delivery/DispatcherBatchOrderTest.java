package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.delivery.DeliveryStore.Claimed;
import io.tenure.subscription.Channel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherBatchOrderTest {

  private static Claimed claimed(long id, Channel channel) {
    return new Claimed(id, channel, "to-" + id, "key-" + id, "", "", "text " + id, Map.of(), 1);
  }

  @Test
  void aClaimedBatchIsSentEmailsFirstThenSmsEachInTheOrderClaimed() {
    List<Claimed> batch = List.of(claimed(1, Channel.EMAIL), claimed(2, Channel.SMS), claimed(3, Channel.IN_APP),
        claimed(4, Channel.EMAIL), claimed(5, Channel.SMS), claimed(6, Channel.EMAIL));

    assertThat(Dispatcher.byChannel(batch)).extracting(Claimed::id).containsExactly(1L, 4L, 6L, 2L, 5L, 3L);
  }

  @Test
  void orderingABatchLeavesTheClaimedListAsItWas() {
    List<Claimed> batch = new java.util.ArrayList<>(List.of(claimed(1, Channel.SMS), claimed(2, Channel.EMAIL)));

    Dispatcher.byChannel(batch);

    assertThat(batch).extracting(Claimed::id).containsExactly(1L, 2L);
  }
}
