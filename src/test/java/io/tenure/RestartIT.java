package io.tenure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded database lives in the data directory and survives a restart, and so does the operator key. */
class RestartIT {

  private static Settings embedded(Path dataDirectory) {
    return new Settings(0, dataDirectory, Optional.empty(), true, Instant.parse("2023-03-08T07:50:04Z"),
        ZoneId.of("Asia/Shanghai"), Optional.empty(), 4, 1 << 20, 50, 2);
  }

  @Test
  void restartWithTheSameDataDirectoryKeepsDataAndTheOperatorKey() throws Exception {
    Path dataDirectory = Files.createTempDirectory("tenure-restart");
    String operatorKey;
    try (TestServer first = TestServer.start(embedded(dataDirectory))) {
      operatorKey = first.tenure().newOperatorKey().orElseThrow();
      HttpApi operator = first.client(operatorKey);
      assertThat(operator.post("/v1/clock/advance", Map.of("days", 31)).status()).isEqualTo(200);
    }
    try (TestServer second = TestServer.start(embedded(dataDirectory))) {
      assertThat(second.tenure().newOperatorKey()).isEmpty();
      HttpApi operator = second.client(operatorKey);
      HttpApi.Answer clock = operator.get("/v1/clock");
      assertThat(clock.status()).isEqualTo(200);
      assertThat(clock.get("now")).as("the simulated clock resumes").isEqualTo("2023-04-08T15:50:04+08:00");
    }
  }
}
