package io.tenure.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DataDirectoryLockTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aSecondOwnerIsRefusedWithOneLineNamingTheLiveOwner() throws Exception {
    Path dataDirectory = Files.createTempDirectory("tenure-lock");
    DataDirectoryLock first = DataDirectoryLock.acquire(dataDirectory, SHANGHAI);
    try {
      long pid = ProcessHandle.current().pid();
      assertThat(Files.readString(dataDirectory.resolve("tenure.lock"))).startsWith("pid=" + pid + "\nsince=");
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDirectory, SHANGHAI))
          .isInstanceOf(DataDirectoryInUseException.class)
          .hasMessageMatching("\\Q" + dataDirectory + "\\E is in use by tenure pid " + pid
              + " since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\+08:00\\)\\.");
    } finally {
      first.close();
    }
  }

  @Test
  void aReleasedDirectoryCanBeTakenAgainAndNamesNoOwner() throws Exception {
    Path dataDirectory = Files.createTempDirectory("tenure-lock");
    DataDirectoryLock.acquire(dataDirectory, SHANGHAI).close();
    assertThat(Files.readString(dataDirectory.resolve("tenure.lock"))).isEmpty();
    DataDirectoryLock again = DataDirectoryLock.acquire(dataDirectory, SHANGHAI);
    try {
      assertThat(Files.readString(dataDirectory.resolve("tenure.lock"))).contains("+08:00");
    } finally {
      again.close();
    }
  }
}
