package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.store.TransientFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void callsWaitingForATurnRunInTheOrderTheyArrived() throws Exception {
    Admission admission = Admission.fair(1, Duration.ofSeconds(10));
    CountDownLatch release = new CountDownLatch(1);
    Thread first = holdTheOnlyTurn(admission, release);
    List<Integer> order = new CopyOnWriteArrayList<>();
    List<Thread> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int number = i;
      waiting.add(Thread.ofPlatform().start(() -> run(admission, () -> order.add(number))));
      while (waiting.getLast().getState() != Thread.State.WAITING && waiting.getLast().getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
    }
    release.countDown();
    first.join();
    for (Thread thread : waiting) {
      thread.join();
    }
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aCallThatGetsNoTurnWithinTheWaitFailsAsTheDatabaseUnavailable() throws Exception {
    Admission admission = Admission.fair(1, Duration.ofMillis(50));
    CountDownLatch release = new CountDownLatch(1);
    Thread first = holdTheOnlyTurn(admission, release);
    try {
      assertThatThrownBy(() -> admission.run(() -> {})).satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());
    } finally {
      release.countDown();
      first.join();
    }
  }

  @Test
  void aCallThatFailsGivesItsTurnBack() throws Exception {
    Admission admission = Admission.fair(1, Duration.ofMillis(50));
    assertThatThrownBy(() -> admission.run(() -> {
      throw new IllegalStateException("failed");
    })).isInstanceOf(IllegalStateException.class);
    List<String> ran = new CopyOnWriteArrayList<>();
    admission.run(() -> ran.add("next"));
    assertThat(ran).containsExactly("next");
  }

  /** A thread that holds {@code admission}'s one turn until {@code release}; answers once it holds it. */
  private static Thread holdTheOnlyTurn(Admission admission, CountDownLatch release) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Thread holder = Thread.ofPlatform().start(() -> run(admission, () -> {
      holding.countDown();
      release.await();
    }));
    holding.await();
    return holder;
  }

  private static void run(Admission admission, Admission.Call call) {
    try {
      admission.run(call);
    } catch (Exception failure) {
      throw new IllegalStateException(failure);
    }
  }
}
