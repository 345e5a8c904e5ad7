package io.tenure.cli;

import io.tenure.Capabilities;
import io.tenure.clock.TenureClock;
import io.tenure.delivery.BareChannelRun;
import io.tenure.delivery.Channel;
import io.tenure.delivery.DeliveryStore;
import io.tenure.delivery.Dispatcher;
import io.tenure.delivery.DispatcherSettings;
import io.tenure.delivery.FanOut;
import io.tenure.delivery.Outbound;
import io.tenure.delivery.SmsGatewayChannel;
import io.tenure.delivery.SmtpChannel;
import io.tenure.subscription.NoticeRoutingFile;
import io.tenure.subscription.NoticeRoutings;
import io.tenure.subscription.SubscriptionStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The steps of {@code tenure bench notices} on an opened, empty database: load accounts, start the receivers and the
 * production dispatcher (FanOut and Dispatcher, as {@code serve} builds them), then a warm-up phase and the measured
 * phase. A phase raises notice rows, times the dispatcher from their commit until every delivery is recorded, then
 * sends the same e-mails and SMS (read back from the deliveries) over bare channels with as many threads. At the end
 * every delivery must be DELIVERED after one attempt and received exactly once ({@link DeliveryCheck}).
 * Not thread-safe: one run per instance.
 */
final class NoticesBenchmark {
  /** The simulated instant the notices are raised at. */
  static final Instant NOW = OffsetDateTime.parse("2026-03-02T09:30:00+08:00").toInstant();
  /** A phase in which nothing arrives for this long has stalled. */
  private static final Duration STALL = Duration.ofSeconds(60);
  /** A phase in which nothing arrives for this long is asked whether an attempt failed. */
  private static final Duration QUIET = Duration.ofSeconds(2);
  /** The longest wait, before each part of a phase, for the JIT compiler to compile what the code so far made hot. */
  private static final Duration JIT_SETTLE = Duration.ofSeconds(15);
  /** The JIT compiler's CPU a delivery, in ms, below which the dispatcher's code counts as compiled (a steady state). */
  private static final double STEADY_COMPILER_MILLIS = 0.01;

  private final Jdbi jdbi;
  private final PrintWriter out;
  private final int senders;
  private final Receipts dispatched = new Receipts();
  private final SendCpu dispatcherSends = new SendCpu();
  private final SendCpu bareSends = new SendCpu();

  NoticesBenchmark(Jdbi jdbi, PrintWriter out, int senders) {
    this.jdbi = jdbi;
    this.out = out;
    this.senders = senders;
  }

  /** The measured phase's rates, and whether the check passed. */
  record Result(long perSecond, long barePerSecond, boolean passed) {
    String summary() {
      return "notices: " + perSecond + " deliveries/s, " + LifecycleBenchmark.percent(perSecond, barePerSecond)
          + " of the bare channels' rate";
    }
  }

  /**
   * The CPU per send on the sending threads inside the channels, in the dispatcher and in the bare loop, and how long
   * each part waited for the JIT compiler to settle before it started.
   */
  private record Diagnosis(String dispatcherSends, String bareSends, Duration dispatcherSettle, Duration bareSettle) {}

  /** What a phase measured, in nanoseconds. */
  private record Timing(NoticeWorld.Messages messages, long fanOutNanos, long dispatchNanos, BareChannelRun.Result bareEmail,
      BareChannelRun.Result bareSms, PhaseCpu.Spent dispatchCpu, PhaseCpu.Spent bareCpu, Diagnosis diagnosis) {
    long bareNanos() {
      return bareEmail.elapsed().toNanos() + bareSms.elapsed().toNanos();
    }
  }

  Result run(int deliveries, int accounts) throws InterruptedException {
    long existing = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM accounts").mapTo(Long.class).one());
    if (existing > 0) {
      throw new IllegalStateException("bench - the database already holds " + existing
          + " accounts; the benchmark needs an empty database (run it without --database and --data-dir)");
    }
    TenureClock clock = TenureClock.simulated(NOW);
    Capabilities capabilities = Capabilities.wire(jdbi, clock);
    long loadStart = System.nanoTime();
    NoticeWorld.loadAccounts(jdbi, accounts, NOW);
    print("loaded %d accounts (one owner with an e-mail address and a phone each, half en, half zh-CN) in %.1f s", accounts,
        seconds(System.nanoTime() - loadStart));
    try (NoticeReceivers receivers = new NoticeReceivers(dispatched);
        Dispatcher dispatcher = dispatcher(capabilities, receivers)) {
      dispatcher.start();
      int warmUpMessages = warmUp(receivers, deliveries, accounts);
      quiesce();
      Timing measured = phase(receivers, NoticeWorld.Messages.forDeliveries(deliveries), warmUpMessages, accounts);
      report(measured);
      dispatcher.close();
      DeliveryCheck.Result check = DeliveryCheck.run(jdbi, dispatched);
      out.println(check.line());
      return new Result(perSecond(deliveries, measured.dispatchNanos()), perSecond(deliveries, measured.bareNanos()),
          check.passed());
    }
  }

  /**
   * Warm-up phases (dispatcher and bare loop alike, not counted) of a fifth of the deliveries each, until the JIT
   * compiler took at most {@link #STEADY_COMPILER_MILLIS} a delivery in the last one's dispatcher part or five ran (as
   * many deliveries as the measured phase): a server that has run a while has compiled its code. A run whose fifth is
   * under 300 is a check of the machinery, not a measure: one warm-up of 300. Answers the messages they raised.
   */
  private int warmUp(NoticeReceivers receivers, int deliveries, int accounts) throws InterruptedException {
    NoticeWorld.Messages size = NoticeWorld.Messages.forDeliveries(Math.max(300, deliveries / 5));
    int most = deliveries / 5 >= 300 ? 5 : 1;
    int messages = 0;
    for (int round = 1; ; round++) {
      Timing warmUp = phase(receivers, size, messages, accounts);
      messages += size.messages();
      double compiler = warmUp.dispatchCpu().compilerNanos() / 1e6 / size.deliveries();
      print("warm-up %d: %d deliveries by the dispatcher in %.1f s (JIT compiler %.3f ms a delivery), the same over bare "
              + "channels in %.1f s (JIT compiler %.3f ms a delivery); not counted", round, size.deliveries(),
          seconds(warmUp.dispatchNanos()), compiler, seconds(warmUp.bareNanos()),
          warmUp.bareCpu().compilerNanos() / 1e6 / size.deliveries());
      if (compiler <= STEADY_COMPILER_MILLIS || round >= most) {
        return messages;
      }
    }
  }

  /**
   * After the warm-ups, as bench lifecycle does: the rows they left dead are vacuumed and the dirty pages written by a
   * checkpoint, so that neither an autovacuum of them nor a checkpoint their WAL triggered runs through the measured
   * phase by chance (PostgreSQL's CPU a delivery measured 0.09 to 0.28 ms in the same build without it).
   */
  private void quiesce() {
    print("vacuum and checkpoint after the warm-ups: %.1f s, not counted", Wal.vacuumAndCheckpoint(jdbi));
  }

  /** The production dispatcher, polling every 10 ms so that a phase's start is not lost in an idle pause. */
  private Dispatcher dispatcher(Capabilities capabilities, NoticeReceivers receivers) {
    NoticeRoutings routings = NoticeRoutings.load(jdbi, NoticeRoutingFile.builtInSource(), "routing.yaml (built in)",
        capabilities.clock().now());
    DeliveryStore deliveries = new DeliveryStore();
    FanOut fanOut = new FanOut(jdbi, capabilities.notices(), capabilities.accountStore(), new SubscriptionStore(), routings,
        capabilities.catalogs(), deliveries, InstantSource.system());
    DispatcherSettings defaults = DispatcherSettings.DEFAULT;
    DispatcherSettings settings = defaults.withPauses(Duration.ofMillis(10), defaults.backoff(), defaults.maxBackoff(),
        defaults.unknownPause()).withSenders(senders);
    // As serve builds them: each sending thread with channels of its own.
    Supplier<Map<io.tenure.subscription.Channel, Channel>> channels = () -> {
      Map<io.tenure.subscription.Channel, Channel> ofSender = new EnumMap<>(io.tenure.subscription.Channel.class);
      ofSender.put(io.tenure.subscription.Channel.EMAIL, dispatcherSends.metered(new SmtpChannel(receivers.smtpSettings())));
      ofSender.put(io.tenure.subscription.Channel.SMS, dispatcherSends.metered(new SmsGatewayChannel(receivers.smsSettings())));
      return ofSender;
    };
    return new Dispatcher(jdbi, fanOut, deliveries, channels, settings, InstantSource.system());
  }

  /** Raises {@code messages}, lets the dispatcher deliver them, then sends the same over bare channels. */
  private Timing phase(NoticeReceivers receivers, NoticeWorld.Messages messages, int firstMessage, int accounts)
      throws InterruptedException {
    long lastId = jdbi.withHandle(handle -> handle.createQuery("SELECT coalesce(max(id), 0) FROM deliveries").mapTo(Long.class).one());
    long expected = dispatched.received() + messages.emails() + messages.sms();
    Duration settleDispatcher = JitCompiler.awaitIdle(JIT_SETTLE);
    NoticeWorld.raise(jdbi, accounts, messages, firstMessage, NOW);
    PhaseCpu dispatchCpu = PhaseCpu.start(jdbi);
    long[] sendsBefore = dispatcherSends.snapshot();
    long started = System.nanoTime();
    long fannedOut = awaitDelivered(expected) - started;
    long dispatchNanos = System.nanoTime() - started;
    PhaseCpu.Spent dispatchSpent = dispatchCpu.spent();
    String dispatcherSendCpu = SendCpu.perSend(sendsBefore, dispatcherSends.snapshot());
    List<Outbound> emails = new ArrayList<>();
    List<Outbound> sms = new ArrayList<>();
    int created = NoticeWorld.readOutbound(jdbi, lastId, emails, sms);
    if (created != messages.deliveries()) {
      throw new IllegalStateException("bench - the fan-out made " + created + " deliveries of " + messages.messages()
          + " messages; " + messages.deliveries() + " were expected");
    }
    Receipts bare = new Receipts();
    Duration settleBare = JitCompiler.awaitIdle(JIT_SETTLE);
    receivers.recordInto(bare);
    PhaseCpu bareCpu = PhaseCpu.start(jdbi);
    long[] bareBefore = bareSends.snapshot();
    BareChannelRun.Result bareEmail = bareRun(emails, () -> bareSends.metered(new SmtpChannel(receivers.smtpSettings())));
    BareChannelRun.Result bareSms = bareRun(sms, () -> bareSends.metered(new SmsGatewayChannel(receivers.smsSettings())));
    PhaseCpu.Spent bareSpent = bareCpu.spent();
    String bareSendCpu = SendCpu.perSend(bareBefore, bareSends.snapshot());
    receivers.recordInto(dispatched);
    if (bareEmail.notSent() + bareSms.notSent() > 0 || bare.received() != emails.size() + sms.size()) {
      throw new IllegalStateException("bench - the bare channels sent " + (bareEmail.sent() + bareSms.sent()) + " of "
          + (emails.size() + sms.size()) + " messages and the receivers took " + bare.received() + " ("
          + bareEmail.firstProblem().or(bareSms::firstProblem).orElse("every send answered sent") + ")");
    }
    return new Timing(messages, fannedOut, dispatchNanos, bareEmail, bareSms, dispatchSpent, bareSpent,
        new Diagnosis(dispatcherSendCpu, bareSendCpu, settleDispatcher, settleBare));
  }

  /** {@code messages} over as many bare senders as the dispatcher has, each with a channel of its own, as there. */
  private BareChannelRun.Result bareRun(List<Outbound> messages, Supplier<Channel> channel) throws InterruptedException {
    List<Channel> channels = new ArrayList<>();
    for (int index = 0; index < senders; index++) {
      channels.add(channel.get());
    }
    try {
      return BareChannelRun.run(channels, messages);
    } finally {
      channels.forEach(Channel::close);
    }
  }

  /**
   * Waits until every notice row is fanned out and no delivery is pending; fails on a failed attempt (looked for when
   * nothing arrived for {@link #QUIET}, and at the end), or on a stall (neither a message received nor a notice row
   * fanned out for {@link #STALL}). Answers when (System.nanoTime) the
   * last notice row was seen fanned out, polled every 100 ms.
   */
  private long awaitDelivered(long expectedReceipts) throws InterruptedException {
    long fannedOut = 0;
    long seen = -1;
    long lastProgress = System.nanoTime();
    long lastCheck = System.nanoTime();
    while (true) {
      long waiting = fannedOut == 0 ? DeliveryCheck.waitingToFanOut(jdbi) : 0;
      long received = dispatched.received();
      long now = System.nanoTime();
      if (received - waiting != seen) {
        seen = received - waiting;
        lastProgress = now;
      }
      boolean allArrived = received >= expectedReceipts;
      if (fannedOut == 0 && waiting == 0) {
        fannedOut = now;
      }
      // The database is asked only when every message arrived, or when nothing arrived for a while (a failed attempt
      // waits for its backoff): its failure check reads the whole table, which once a second took a tenth of the
      // machine from the dispatcher it measures.
      boolean quiet = now - lastProgress > QUIET.toNanos();
      if (allArrived || (quiet && now - lastCheck > 1_000_000_000L)) {
        lastCheck = now;
        if (DeliveryCheck.settled(jdbi, allArrived)) {
          return fannedOut == 0 ? System.nanoTime() : fannedOut;
        }
      }
      if (now - lastProgress > STALL.toNanos()) {
        throw new IllegalStateException("bench - nothing was fanned out or received for " + STALL.toSeconds() + " s ("
            + received + " of " + expectedReceipts + " messages arrived, " + waiting + " notice rows wait to be fanned out)");
      }
      Thread.sleep(allArrived ? 1 : 100);
    }
  }

  private void report(Timing measured) {
    NoticeWorld.Messages messages = measured.messages();
    print("dispatcher: %d deliveries (%d e-mail, %d SMS, %d in-app) of %d messages in %.2f s: %d/s, %d sending thread(s); "
            + "every notice row fanned out after %.2f s",
        messages.deliveries(), messages.emails(), messages.sms(), messages.inApp(), messages.messages(),
        seconds(measured.dispatchNanos()), perSecond(messages.deliveries(), measured.dispatchNanos()), senders,
        seconds(measured.fanOutNanos()));
    print("bare channels: %d e-mails in %.2f s (%.0f/s), %d SMS in %.2f s (%.0f/s), %d thread(s) each; "
            + "the same %d deliveries in %.2f s: %d/s (in-app ones need no channel)",
        measured.bareEmail().sent(), seconds(measured.bareEmail().elapsed().toNanos()), measured.bareEmail().sentPerSecond(),
        measured.bareSms().sent(), seconds(measured.bareSms().elapsed().toNanos()), measured.bareSms().sentPerSecond(), senders,
        messages.deliveries(), seconds(measured.bareNanos()), perSecond(messages.deliveries(), measured.bareNanos()));
    print("cpu per delivery: dispatcher %s, bare channels %s (receivers included in both)",
        measured.dispatchCpu().perOperation(messages.deliveries()), measured.bareCpu().perOperation(messages.deliveries()));
    Diagnosis diagnosis = measured.diagnosis();
    print("channel sends on the sending threads: dispatcher %s, bare channels %s; JIT compiler settled before each for "
            + "%.1f s and %.1f s", diagnosis.dispatcherSends(), diagnosis.bareSends(),
        seconds(diagnosis.dispatcherSettle().toNanos()), seconds(diagnosis.bareSettle().toNanos()));
  }

  private static long perSecond(long count, long nanos) {
    return nanos <= 0 ? 0 : Math.round(count / (nanos / 1e9));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private void print(String format, Object... arguments) {
    out.println(String.format(Locale.ROOT, format, arguments));
    out.flush();
  }
}
