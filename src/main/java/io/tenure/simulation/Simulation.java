package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;

/**
 * One seeded run of the simulator against a {@link Cluster}: the workload, the clock advances, and the auditor's
 * checks after every reply and at checkpoints. The same seed sends the same calls in the same order.
 */
public final class Simulation {

  /** A deliberate fault in the auditor's input, to prove that it reports one. */
  public enum Sabotage { NONE, MODEL_TOP_UP, REPLY_BALANCE, REPLY_SUBSCRIPTIONS }

  /**
   * @param seed the seed of every random choice
   * @param accounts accounts to create
   * @param days simulated days to run for
   * @param splitAdvances whether each clock advance is sent as several smaller ones (the outcome must not change)
   * @param faults whether servers are killed and database connections ended during the run (the cluster's faults)
   * @param changesAtOnce whether two different money calls of one account are sometimes sent at once; they end in
   *     either order, so two runs of one seed end alike only without them
   */
  public record Options(long seed, int accounts, int days, boolean splitAdvances, boolean faults, Sabotage sabotage,
      boolean changesAtOnce) {
    public Options(long seed, int accounts, int days, boolean splitAdvances, boolean faults, Sabotage sabotage) {
      this(seed, accounts, days, splitAdvances, faults, sabotage, true);
    }
  }

  /**
   * The run's figures; {@code violation} is empty when the auditor found nothing, and {@code evidence} then says what
   * the nodes logged (where their logs are kept, and the end of the log of the node that answered wrong).
   */
  public record Result(long operations, long days, long faults, String faultsLanded, long checks, String violation,
      String reproduction, String evidence, String fingerprint) {
    public boolean clean() {
      return violation.isEmpty();
    }
  }

  /** How much of a node's log a failure report shows. */
  private static final int LOG_LINES = 40;

  static final Instant START = OffsetDateTime.parse("2023-03-08T15:50:04+08:00").toInstant();

  private final Cluster cluster;
  private final Options options;
  private final Random random;
  private final Journal journal = new Journal();
  private final Auditor auditor = new Auditor();
  private final Calls calls;

  public Simulation(Cluster cluster, Options options) {
    this.cluster = cluster;
    this.options = options;
    this.random = new Random(options.seed());
    this.calls = new Calls(cluster, random, journal);
  }

  public Result run(PrintWriter out) {
    Model model = null;
    ExecutorService threads = Executors.newFixedThreadPool(4);
    Jdbi jdbi = Jdbi.create(cluster.databaseUrl());
    Faults faults = new Faults(cluster, options.seed());
    WebhookWorkload webhooks = null;
    try {
      JsonNode clock = calls.get(null, "/v1/clock").body();
      model = new Model(ModelCatalog.read(calls.get(null, "/v1/catalog").body()), Auditor.instant(clock.path("now")));
      Instant end = model.now.plus(Duration.ofDays(options.days()));
      Workload workload = new Workload(model, calls, auditor, random, options.sabotage());
      ResourceWorkload resources = new ResourceWorkload(model, calls, auditor, random, workload, threads, options.changesAtOnce());
      Checkpoints checkpoints = new Checkpoints(model, calls, auditor, jdbi);
      CatalogVersions catalogVersions = new CatalogVersions(model, calls, auditor, random);
      SubscriptionWorkload subscriptions = new SubscriptionWorkload(calls, auditor, random, workload, options.sabotage());
      InboxWorkload inbox = new InboxWorkload(calls, auditor, random, workload);
      DeliveryWorkload deliveries = new DeliveryWorkload(model, calls, auditor, subscriptions.model, options.seed());
      HoldWorkload holds = new HoldWorkload(model, calls, auditor, random, workload);
      webhooks = new WebhookWorkload(calls, auditor);
      UsageWorkload usage = new UsageWorkload(model, calls, auditor, random, jdbi);
      RechargeWorkload recharges = new RechargeWorkload(model, calls, auditor, random, jdbi);
      for (int number = 1; number <= options.accounts(); number++) {
        workload.createAccount(number);
      }
      int advances = 0;
      while (model.now.isBefore(end)) {
        int choice = random.nextInt(100);
        if (choice < 5) {
          advance(model, end, faults);
          checkpoints.afterAdvance(++advances % 5 == 0);
          auditor.webhooks(webhooks.problems());
          usage.checkpoint();
          recharges.checkpoint();
        } else {
          if (options.faults()) {
            faults.beforeCall();
          }
          operation(choice, workload, resources, catalogVersions, subscriptions, inbox, deliveries, holds, usage, recharges);
        }
      }
      faults.settle();
      checkpoints.afterAdvance(true);
      Model audited = model;
      cluster.receivers().ifPresent(receivers -> out.println(new DeliveryAudit(audited, calls, auditor, deliveries, receivers,
          List.of(usage.account)).check(faults.injected())));
      auditor.webhooks(webhooks.problems());
      out.println(new SettlementAudit(auditor, jdbi).check(usage.retainedQuantities(), usage.oldestKept()));
      long days = Duration.between(START, model.now).toDays();
      return new Result(calls.sent(), days, faults.injected(), faults.landed(), auditor.checks, "", "", "",
          checkpoints.fingerprint());
    } catch (Violation violation) {
      long days = model == null ? 0 : Duration.between(START, model.now).toDays();
      return new Result(calls.sent(), days, faults.injected(), faults.landed(), auditor.checks, violation.getMessage(),
          journal.reproduction(violation.account), cluster.evidence(violation.node, LOG_LINES), "");
    } catch (RuntimeException failure) {
      // A node that did not come back, a fault that could not land: the nodes' logs say why.
      String evidence = cluster.evidence(Violation.NO_NODE, LOG_LINES);
      throw evidence.isEmpty() ? failure : new IllegalStateException(failure.getMessage() + "\n" + evidence, failure);
    } finally {
      if (webhooks != null) {
        webhooks.close();
      }
      faults.close();
      threads.shutdownNow();
    }
  }

  /**
   * One operation of the workload, by weight: money and resources mostly, a catalog version, a change of message
   * subscriptions, the reading of a message, and rarely an operator's look at the deliveries or a hold (applied,
   * lifted, or a ban with a refused purchase).
   */
  private void operation(int choice, Workload workload, ResourceWorkload resources, CatalogVersions catalogVersions,
      SubscriptionWorkload subscriptions, InboxWorkload inbox, DeliveryWorkload deliveries, HoldWorkload holds, UsageWorkload usage,
      RechargeWorkload recharges) {
    if (choice < 30) {
      workload.topUp();
    } else if (choice < 55) {
      resources.purchase();
    } else if (choice < 70) {
      resources.renew();
    } else if (choice < 80) {
      resources.changeAddOns();
    } else if (choice < 88) {
      resources.setAutoRenew();
    } else if (choice < 95) {
      resources.unsubscribe();
    } else if (choice < 96) {
      catalogVersions.maybePublish();
    } else if (choice < 98) {
      subscriptions.change();
    } else if (choice < 99) {
      inbox.readOne();
    } else {
      switch (random.nextInt(4)) {
        case 0 -> deliveries.operatorAction();
        case 1 -> holds.step();
        case 2 -> recharges.step();
        default -> usage.step();
      }
    }
  }

  /** Moves the clock through node 0 by a random step from seconds to months, never past the end of the run. */
  private void advance(Model model, Instant end, Faults faults) {
    Duration step = switch (random.nextInt(10)) {
      case 0, 1, 2 -> Duration.ofSeconds(1 + random.nextInt(3600));
      case 3, 4, 5 -> Duration.ofMinutes(30 + random.nextInt(36 * 60));
      case 6, 7, 8 -> Duration.ofHours(24 + random.nextInt(10 * 24));
      default -> Duration.ofDays(20 + random.nextInt(45));
    };
    Instant target = model.now.plus(step).isAfter(end) ? end : model.now.plus(step);
    List<Instant> stops = new ArrayList<>();
    if (options.splitAdvances()) {
      // Its own random source, so that the workload's choices stay those of the unsplit run.
      Random splitter = new Random(target.getEpochSecond());
      long seconds = Duration.between(model.now, target).getSeconds();
      for (int piece = 0; piece < 3 && seconds > 2; piece++) {
        stops.add(model.now.plusSeconds(1 + (long) (splitter.nextDouble() * (seconds - 1))));
      }
      stops.sort(null);
    }
    stops.add(target);
    for (Instant stop : stops) {
      if (!stop.isAfter(model.now)) {
        continue;
      }
      if (options.faults()) {
        faults.beforeAdvance();
      }
      Http.Reply reply = advanceClock(stop);
      auditor.reply(null, "clock advance to " + stop, Expected.success(200, null), reply);
      model.time.advanceTo(stop);
    }
  }

  /** The advance, through node 0; a lost reply is resolved by reading the clock and finishing the advance. */
  private Http.Reply advanceClock(Instant target) {
    String body = "{\"to\":\"" + target.atOffset(ZoneOffset.UTC) + "\"}";
    return calls.send(0, true, null, "POST", "/v1/clock/advance", body, null);
  }

  static BigDecimal money(JsonNode node) {
    return new BigDecimal(node.asText());
  }
}
