package io.tenure.simulation;

import io.tenure.testing.HttpApi;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Money calls kept in flight against a cluster while its nodes are killed: top-ups and purchases for one
 * account, each sent to a random node with an Idempotency-Key and, when no answer came (its node died) or the
 * database connection was lost, sent again with the same key until it is answered. Counts what was
 * acknowledged, so that the test can check nothing was lost and nothing applied twice.
 */
final class MoneyCallsInFlight implements Runnable {
  private final Cluster cluster;
  private final String account;
  private final Random random = new Random(5);
  private volatile boolean stopping;
  private volatile Throwable failure;
  private int topUps;
  private int purchases;
  private int resent;
  private BigDecimal balance = BigDecimal.ZERO;

  MoneyCallsInFlight(Cluster cluster, String account) {
    this.cluster = cluster;
    this.account = account;
  }

  @Override
  public void run() {
    try {
      while (!stopping) {
        boolean topUp = balance.compareTo(new BigDecimal("200")) < 0 || random.nextBoolean();
        if (topUp) {
          HttpApi.Answer answer = untilAnswered("/v1/accounts/" + account + "/top-ups", Map.of("amount", "50.00"));
          require(answer, 201);
          balance = balance.add(new BigDecimal("50.00"));
          topUps++;
        } else {
          HttpApi.Answer answer = untilAnswered("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
              "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1), "addOns", List.of()));
          require(answer, 201);
          balance = balance.subtract(new BigDecimal(answer.json().path("bill").path("total").asText()));
          purchases++;
        }
      }
    } catch (Throwable failed) {
      failure = failed;
    }
  }

  private HttpApi.Answer untilAnswered(String path, Object body) throws InterruptedException {
    String key = UUID.randomUUID().toString();
    for (int attempt = 0; attempt < 200; attempt++) {
      HttpApi api = HttpApi.at(cluster.node(random.nextInt(cluster.size())).toString(), cluster.operatorKey());
      try {
        HttpApi.Answer answer = api.post(path, body, key);
        if (answer.status() != 503) {
          return answer;
        }
      } catch (RuntimeException noAnswer) {
        // The node died with the call in flight, or is not serving yet.
      }
      resent++;
      Thread.sleep(50);
    }
    throw new IllegalStateException("no answer to " + path + " after 200 attempts");
  }

  private static void require(HttpApi.Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + answer);
    }
  }

  void stop() {
    stopping = true;
  }

  Throwable failure() {
    return failure;
  }

  int topUps() {
    return topUps;
  }

  int purchases() {
    return purchases;
  }

  int resent() {
    return resent;
  }

  /** The balance the acknowledged calls leave, as the API shows money. */
  String expectedBalance() {
    return balance.setScale(2).toPlainString();
  }
}
