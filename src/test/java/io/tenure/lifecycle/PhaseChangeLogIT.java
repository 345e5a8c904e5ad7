package io.tenure.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tenure.engine.LifecycleEngine;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A catch-up logs each phase change of a resource once, naming the phase it left, at the operator's offset. */
class PhaseChangeLogIT {

  @Test
  void aLongCatchUpLogsEachPhaseChangeOnceWithThePhaseItLeft() {
    Logger engineLog = (Logger) LoggerFactory.getLogger(LifecycleEngine.class);
    Level levelBefore = engineLog.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    engineLog.addAppender(captured);
    engineLog.setLevel(Level.INFO);
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V1");
      Fixtures.topUp(operator, account, "500.00");
      String resource = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);

      assertThat(operator.post("/v1/clock/advance", Map.of("days", 400)).status()).isEqualTo(200);

      List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
          .filter(line -> line.contains(resource)).toList();
      List<String> phaseChanges = new ArrayList<>();
      String phase = "ACTIVE";
      for (var event : operator.get("/v1/resources/" + resource + "/timeline").json().path("events")) {
        if (!event.path("projected").asBoolean() && !event.path("phase").asText().equals(phase)) {
          phaseChanges.add("lifecycle - resource " + resource + " " + phase + " -> " + event.path("phase").asText()
              + " at " + event.path("at").asText());
          phase = event.path("phase").asText();
        }
      }
      assertThat(phaseChanges).hasSizeGreaterThanOrEqualTo(3).last().asString().contains("-> RELEASED at");
      assertThat(lines).containsExactlyElementsOf(phaseChanges);
    } finally {
      engineLog.detachAppender(captured);
      engineLog.setLevel(levelBefore);
    }
  }
}
