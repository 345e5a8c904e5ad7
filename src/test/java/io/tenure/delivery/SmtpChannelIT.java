package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-mail channel against real SMTP servers on free local ports: GreenMail, and a scripted one for refusals. */
class SmtpChannelIT {
  private static final String SUBJECT = "您的资源 huawei-drive 将于 2023-05-09 00:00 (UTC+08:00) 释放";
  private static final String TEXT = "资源将被释放，数据将被销毁。\nRenew before 2023-05-09 00:00 (UTC+08:00).";
  private static final String HTML = "<p>资源将被<strong>释放</strong>，数据将被销毁。</p>";

  private int port;
  private GreenMail greenMail;

  @BeforeEach
  void startGreenMail() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    greenMail = startedGreenMail(port);
  }

  @AfterEach
  void stopGreenMail() {
    greenMail.stop();
  }

  private static GreenMail startedGreenMail(int port) {
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static SmtpSettings settings(int port, Duration timeout) {
    return new SmtpSettings("127.0.0.1", port, SmtpSecurity.NONE, Optional.empty(), Optional.empty(),
        "腾讯云 Tenure <noreply@tenure.example>", timeout);
  }

  private static SmtpChannel channel(int port, Duration timeout) {
    return new SmtpChannel(settings(port, timeout));
  }

  private static Outbound email(int number) {
    return Outbound.email("delivery:" + number, "owner" + number + "@example.com", SUBJECT, HTML, TEXT);
  }

  @Test
  void aChineseHtmlAndTextEmailArrivesIntact() throws Exception {
    try (SmtpChannel channel = channel(port, Duration.ofSeconds(5))) {
      assertThat(channel.send(email(1))).isEqualTo(new Outcome.Sent(Optional.of("<delivery=3A1@tenure.example>")));
    }

    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo(SUBJECT);
    assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("腾讯云 Tenure");
    assertThat(received.getMessageID()).isEqualTo("<delivery=3A1@tenure.example>");
    assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    Multipart alternatives = (Multipart) received.getContent();
    assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
    assertThat(alternatives.getBodyPart(0).getContentType()).contains("text/plain", "UTF-8");
    // SMTP carries every line break as CRLF.
    assertThat(alternatives.getBodyPart(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(TEXT);
    assertThat(alternatives.getBodyPart(1).getContentType()).contains("text/html", "UTF-8");
    assertThat(alternatives.getBodyPart(1).getContent()).isEqualTo(HTML);
  }

  @Test
  void aHundredMessagesTravelOverOneConnection() throws Exception {
    try (SmtpChannel channel = channel(port, Duration.ofSeconds(5))) {
      for (int i = 0; i < 100; i++) {
        assertThat(channel.send(email(i))).isInstanceOf(Outcome.Sent.class);
      }
      assertThat(channel.connectionsOpened()).isEqualTo(1);
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(100);

    try (ScriptedSmtpServer counting = new ScriptedSmtpServer(); SmtpChannel channel = channel(counting.port(),
        Duration.ofSeconds(5))) {
      for (int i = 0; i < 100; i++) {
        assertThat(channel.send(email(i))).isInstanceOf(Outcome.Sent.class);
      }
      assertThat(counting.messages()).isEqualTo(100);
      assertThat(counting.connections()).as("connections the server accepted").isEqualTo(1);
    }
  }

  @Test
  void aStoppedServerIsRetryableAndTheChannelReconnectsOnceItIsBack() {
    try (SmtpChannel channel = channel(port, Duration.ofSeconds(2))) {
      assertThat(channel.send(email(1))).isInstanceOf(Outcome.Sent.class);
      greenMail.stop();

      // On the connection the server just closed, the drop may show before the message is written (retryable) or
      // only after (the message may have gone: Unknown); which one depends on timing. Never a permanent failure.
      Outcome onTheDroppedConnection = channel.send(email(2));
      assertThat(onTheDroppedConnection instanceof Outcome.Unknown
          || onTheDroppedConnection instanceof Outcome.Failed failed && failed.retryable())
          .as("%s", onTheDroppedConnection).isTrue();
      assertThat(channel.send(email(3))).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).as(failed.reason()).isTrue());

      greenMail = startedGreenMail(port);
      assertThat(channel.send(email(4))).isInstanceOf(Outcome.Sent.class);
      assertThat(channel.connectionsOpened()).isEqualTo(2);
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aConnectionTheServerDroppedWhileIdleIsNoticedAndReplacedBeforeTheNextMessage() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer();
        SmtpChannel channel = new SmtpChannel(settings(server.port(), Duration.ofSeconds(5)), Duration.ofMillis(50))) {
      server.hangUpAfterEachMessage();
      for (int i = 0; i < 3; i++) {
        assertThat(channel.send(email(i))).isInstanceOf(Outcome.Sent.class);
        Thread.sleep(150);
      }
      assertThat(server.messages()).isEqualTo(3);
      assertThat(server.connections()).isEqualTo(3);
      assertThat(channel.connectionsOpened()).isEqualTo(3);
    }
  }

  @Test
  void aLoginIsUsedWhenConfiguredAndAWrongPasswordIsRetryable() {
    greenMail.setUser("tenure@tenure.example", "tenure", "right-password");
    try (SmtpChannel channel = new SmtpChannel(new SmtpSettings("127.0.0.1", port, SmtpSecurity.NONE,
        Optional.of("tenure"), Optional.of("right-password"), "noreply@tenure.example", Duration.ofSeconds(5)))) {
      assertThat(channel.send(email(1))).isInstanceOf(Outcome.Sent.class);
    }
    try (SmtpChannel channel = new SmtpChannel(new SmtpSettings("127.0.0.1", port, SmtpSecurity.NONE,
        Optional.of("tenure"), Optional.of("wrong-password"), "noreply@tenure.example", Duration.ofSeconds(5)))) {
      assertThat(channel.send(email(2))).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).startsWith("Could not connect or log in to the SMTP server").doesNotContain("wrong-password");
      });
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anUnknownMailboxIsPermanentAndATransientRefusalRetryableOnTheSameConnection() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(); SmtpChannel channel = channel(server.port(),
        Duration.ofSeconds(5))) {
      server.answerRecipientsWith("550 5.1.1 <owner1@example.com>: mailbox unknown");
      assertThat(channel.send(email(1))).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("550 5.1.1", "mailbox unknown");
      });
      server.answerRecipientsWith("451 4.7.1 greylisted, try later");
      assertThat(channel.send(email(2))).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).isTrue());
      server.answerRecipientsWith("250 2.1.5 OK");
      assertThat(channel.send(email(3))).isInstanceOf(Outcome.Sent.class);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void noAnswerAfterTheDataIsUnknownAndTheMessageIsNotResent() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(); SmtpChannel channel = channel(server.port(),
        Duration.ofMillis(500))) {
      server.neverAnswerAfterData();
      assertThat(channel.send(email(1))).isInstanceOf(Outcome.Unknown.class);
      assertThat(server.connections()).as("no second try on a new connection").isEqualTo(1);
    }
  }

  @Test
  void aConnectionClosedInsteadOfAnsweringTheRecipientIsRetryableNotARefusedRecipient() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(); SmtpChannel channel = channel(server.port(),
        Duration.ofSeconds(5))) {
      server.hangUpOnRecipient();
      assertThat(channel.send(email(1))).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
        assertThat(failed.retryable()).as(failed.reason()).isTrue();
        assertThat(failed.reason()).contains("closed the connection without an answer before the message was sent");
      });
    }
  }

  @Test
  void aConnectionClosedInsteadOfAnsweringTheDataIsUnknown() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(); SmtpChannel channel = channel(server.port(),
        Duration.ofSeconds(5))) {
      server.hangUpInsteadOfQueued();
      assertThat(channel.send(email(1))).as("the server read the whole message: it may have taken it")
          .isInstanceOf(Outcome.Unknown.class);
    }
  }

  @Test
  void aRefusedConnectionIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (SmtpChannel channel = channel(closedPort, Duration.ofSeconds(2))) {
      assertThat(channel.send(email(1))).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).isTrue());
    }
  }

  @Test
  void anAddressThatCannotBeParsedIsPermanent() {
    try (SmtpChannel channel = channel(port, Duration.ofSeconds(2))) {
      Outbound bad = Outbound.email("delivery:9", "not an address", SUBJECT, HTML, TEXT);
      assertThat(channel.send(bad)).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).isFalse());
    }
  }

  @Test
  void aBareLoopSendsEveryMessageAndReportsItsRate() {
    List<Outbound> messages = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      messages.add(email(i));
    }
    BareChannelRun.Result result;
    try (SmtpChannel channel = channel(port, Duration.ofSeconds(5))) {
      BareChannelRun.run(channel, messages.subList(0, 200));
      result = BareChannelRun.run(channel, messages);
    }
    System.out.printf("bare e-mail channel (GreenMail): %d sent in %d ms, %.0f/s%n", result.sent(),
        result.elapsed().toMillis(), result.sentPerSecond());
    assertThat(result.sent()).isEqualTo(2_000);
  }

  @Test
  void aParallelBareRunSendsEveryMessageOnceOverOneConnectionPerChannel() throws Exception {
    List<Outbound> messages = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      messages.add(email(i));
    }
    List<SmtpChannel> channels = List.of(channel(port, Duration.ofSeconds(5)), channel(port, Duration.ofSeconds(5)),
        channel(port, Duration.ofSeconds(5)), channel(port, Duration.ofSeconds(5)));
    BareChannelRun.Result result = BareChannelRun.run(channels, messages);
    System.out.printf("bare e-mail channel (GreenMail), 4 channels: %d sent in %d ms, %.0f/s%n", result.sent(),
        result.elapsed().toMillis(), result.sentPerSecond());
    assertThat(result.sent()).isEqualTo(2_000);
    assertThat(channels).allSatisfy(channel -> assertThat(channel.connectionsOpened()).isEqualTo(1));
    channels.forEach(SmtpChannel::close);
    assertThat(greenMail.getReceivedMessages()).hasSize(2_000);
  }
}
