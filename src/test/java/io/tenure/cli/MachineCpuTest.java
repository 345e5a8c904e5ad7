package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
  @Test
  void saysTheBusyShareOfTheSpanAndTheMemoryMonitorsShareOfACore() {
    MachineCpu before = new MachineCpu(1_000, 5_000, 30);
    MachineCpu after = new MachineCpu(1_640, 6_000, 71);

    assertThat(after.since(before, 10)).isEqualTo("this machine 64% busy (the kernel's memory monitor 4.1% of a core)");
  }

  @Test
  void leavesTheMemoryMonitorOutWhereItDidNotRun() {
    assertThat(new MachineCpu(250, 1_000, 7).since(new MachineCpu(0, 0, 7), 5)).isEqualTo("this machine 25% busy");
  }

  @Test
  void readsThisMachine() {
    MachineCpu now = MachineCpu.read().orElseThrow();

    assertThat(now.allTicks()).isPositive().isGreaterThanOrEqualTo(now.busyTicks());
    assertThat(now.busyTicks()).isPositive();
  }
}
