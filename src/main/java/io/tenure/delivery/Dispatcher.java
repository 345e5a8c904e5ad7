package io.tenure.delivery;

import io.tenure.delivery.DeliveryStore.Attempted;
import io.tenure.delivery.DeliveryStore.Claimed;
import io.tenure.delivery.DeliveryStore.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Fans notices out and sends the due deliveries, on {@link DispatcherSettings#senders} background threads of this
 * process (one by default), in real time also under the simulated clock. Several processes on one database share the work: both steps lock with
 * {@code FOR UPDATE SKIP LOCKED}. A claim counts the attempts and leases a batch of deliveries in one short
 * transaction; the sends happen after it commits, outside any lock; their outcomes are recorded together by one
 * autocommitted statement at the batch's end (or after {@link #RECORD_WITHIN}). A crash between a send and its record
 * leaves the delivery leased: when the lease runs out it is sent again (docs/notices.md, "Deliveries").
 */
public final class Dispatcher implements AutoCloseable {
  private static final String NOT_CONFIGURED = "The %s channel is not configured.";
  /**
   * The outcomes of a batch's sends are recorded together at the batch's end, or sooner once the first of them has
   * waited this long (slow providers), so that the operator sees them soon and a crash resends little.
   */
  static final Duration RECORD_WITHIN = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final FanOut fanOut;
  private final DeliveryStore store;
  /** The outbound channels (EMAIL, SMS) of each sending thread, the first one's also for {@link #runOnce}. */
  private final List<Map<io.tenure.subscription.Channel, Channel>> channelsBySender = new ArrayList<>();
  private final DispatcherSettings settings;
  private final InstantSource realTime;
  private final List<RoundLoop> loops = new ArrayList<>();
  private volatile boolean running = true;

  /**
   * {@code channels} holds the configured outbound channels (EMAIL, SMS), shared by every sending thread (each
   * channel is thread-safe, but an SMTP channel carries one message at a time); the dispatcher closes them.
   */
  public Dispatcher(Jdbi jdbi, FanOut fanOut, DeliveryStore store, Map<io.tenure.subscription.Channel, Channel> channels,
      DispatcherSettings settings, InstantSource realTime) {
    this(jdbi, fanOut, store, () -> channels, settings, realTime);
  }

  /**
   * {@code channelsPerSender} is asked once per sending thread for its outbound channels, so that each thread can have
   * connections of its own; the dispatcher closes them.
   */
  public Dispatcher(Jdbi jdbi, FanOut fanOut, DeliveryStore store,
      Supplier<Map<io.tenure.subscription.Channel, Channel>> channelsPerSender, DispatcherSettings settings,
      InstantSource realTime) {
    this.jdbi = jdbi;
    this.fanOut = fanOut;
    this.store = store;
    this.settings = settings;
    this.realTime = realTime;
    for (int sender = 0; sender < settings.senders(); sender++) {
      Map<io.tenure.subscription.Channel, Channel> channels = Map.copyOf(channelsPerSender.get());
      channelsBySender.add(channels);
      String name = settings.senders() == 1 ? "dispatcher" : "dispatcher-" + (sender + 1);
      loops.add(new RoundLoop(name, () -> runOnce(channels), settings.poll()));
    }
  }

  public void start() {
    loops.forEach(RoundLoop::start);
  }

  /**
   * One round: fans out one batch of notice rows, then sends one batch of due deliveries; answers how much it did. A
   * burst of notices starts leaving with the first fanned-out batch, and the fan-out's database work of one sending
   * thread overlaps the sends of another.
   */
  public int runOnce() {
    return runOnce(channelsBySender.getFirst());
  }

  private int runOnce(Map<io.tenure.subscription.Channel, Channel> channels) {
    return fanOut.fanOutBatch(settings.batchSize()) + dispatchBatch(channels);
  }

  /** Claims up to a batch of due deliveries, sends each and records its outcome; answers how many it claimed. */
  public int dispatchBatch() {
    return dispatchBatch(channelsBySender.getFirst());
  }

  private int dispatchBatch(Map<io.tenure.subscription.Channel, Channel> channels) {
    Instant now = realTime.instant();
    Instant leaseUntil = now.plus(settings.lease());
    List<Claimed> claimed = byChannel(jdbi.inTransaction(handle -> store.claimDue(handle, now, leaseUntil, settings.batchSize())));
    List<Attempted> unrecorded = new ArrayList<>();
    long firstUnrecorded = 0;
    for (Claimed delivery : claimed) {
      // Sends run one after another: never start one that could outlast the lease (another node may take it over).
      if (!running || realTime.instant().plus(settings.lease().dividedBy(4)).isAfter(leaseUntil)) {
        jdbi.useHandle(handle -> store.release(handle, delivery));
        continue;
      }
      if (unrecorded.isEmpty()) {
        firstUnrecorded = System.nanoTime();
      }
      unrecorded.add(attempt(delivery, channels));
      if (System.nanoTime() - firstUnrecorded >= RECORD_WITHIN.toNanos()) {
        record(unrecorded);
      }
    }
    record(unrecorded);
    return claimed.size();
  }

  /**
   * The batch with its e-mails first and its SMS after them, each in the order claimed. The fan-out writes a message's
   * deliveries together, so a claim alternates e-mail and SMS; sent in that order, each send follows one over the other
   * channel (its connection, code and buffers gone cold in between).
   */
  static List<Claimed> byChannel(List<Claimed> claimed) {
    List<Claimed> ordered = new ArrayList<>(claimed);
    ordered.sort(java.util.Comparator.comparing(Claimed::channel));
    return ordered;
  }

  /**
   * Records the outcomes of a batch's sends in one autocommitted statement, one round trip (docs/notices.md,
   * "Deliveries"), and forgets them.
   */
  private void record(List<Attempted> unrecorded) {
    if (!unrecorded.isEmpty()) {
      jdbi.useHandle(handle -> store.recordAll(handle, unrecorded));
      unrecorded.clear();
    }
  }

  /** Sends one claimed delivery and answers what to record of it. */
  private Attempted attempt(Claimed delivery, Map<io.tenure.subscription.Channel, Channel> channels) {
    Outcome outcome = send(delivery, channels);
    Instant now = realTime.instant();
    boolean lastAttempt = delivery.attempt() >= settings.maxAttempts();
    return switch (outcome) {
      case Outcome.Sent sent -> new Attempted(delivery, Status.DELIVERED, now, Optional.empty(), sent.providerMessageId(), now);
      case Outcome.Failed failed when failed.retryable() && !lastAttempt ->
          new Attempted(delivery, Status.PENDING, now.plus(backoff(delivery.attempt())), Optional.of(failed.reason()),
              Optional.empty(), now);
      case Outcome.Failed failed -> new Attempted(delivery, Status.FAILED, now, Optional.of(failed.reason()), Optional.empty(), now);
      case Outcome.Unknown unknown when !lastAttempt -> new Attempted(delivery, Status.PENDING, now.plus(settings.unknownPause()),
          Optional.of(unknown.reason()), Optional.empty(), now);
      case Outcome.Unknown unknown -> new Attempted(delivery, Status.FAILED, now, Optional.of(unknown.reason()), Optional.empty(), now);
    };
  }

  private Outcome send(Claimed delivery, Map<io.tenure.subscription.Channel, Channel> channels) {
    if (delivery.channel() == io.tenure.subscription.Channel.IN_APP) {
      // The inbox is the channel: an in-app message resent by the operator is delivered by being there.
      return new Outcome.Sent(Optional.empty());
    }
    Channel channel = channels.get(delivery.channel());
    if (channel == null) {
      return new Outcome.Failed(false, NOT_CONFIGURED.formatted(delivery.channel()));
    }
    Outbound message = delivery.channel() == io.tenure.subscription.Channel.EMAIL
        ? Outbound.email(delivery.dedupKey(), delivery.address(), delivery.subject(), delivery.htmlBody(), delivery.textBody())
        : Outbound.sms(delivery.dedupKey(), delivery.address(), delivery.textBody(), delivery.parameters());
    try {
      return channel.send(message);
    } catch (RuntimeException failure) {
      // A channel promises not to throw; if one does, the message may or may not have left.
      return new Outcome.Unknown("The channel failed unexpectedly: " + failure.getMessage());
    }
  }

  /** The pause after failed attempt {@code attempt} (from 1): backoff × 2^(attempt-1), ±20%, at most the cap. */
  Duration backoff(int attempt) {
    Duration base = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 30));
    if (base.compareTo(settings.maxBackoff()) > 0 || base.isNegative()) {
      base = settings.maxBackoff();
    }
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) (base.toNanos() * jitter));
  }

  /** Stops the threads, lets the sends under way finish, and closes the channels (each once, shared or not). */
  @Override
  public void close() {
    running = false;
    loops.forEach(RoundLoop::close);
    Set<Channel> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    channelsBySender.stream().map(Map::values).flatMap(Collection::stream).forEach(distinct::add);
    distinct.forEach(Channel::close);
  }
}
