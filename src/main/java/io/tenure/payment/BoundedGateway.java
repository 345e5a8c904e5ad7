package io.tenure.payment;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway with a deadline: a call that has not answered within {@code timeout}, or that failed without an
 * answer, is {@code TIMED_OUT} (its outcome unknown; Tenure repeats it with the same key). The call runs on a
 * virtual thread of its own, so an engine worker never waits longer than the deadline. Thread-safe.
 */
public final class BoundedGateway implements PaymentGateway {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedGateway.class);

  private final PaymentGateway gateway;
  private final Duration timeout;

  public BoundedGateway(PaymentGateway gateway, Duration timeout) {
    this.gateway = gateway;
    this.timeout = timeout;
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    CompletableFuture<ChargeResult> call = new CompletableFuture<>();
    Thread.ofVirtual().name("tenure-payment").start(() -> {
      try {
        call.complete(gateway.charge(request));
      } catch (RuntimeException failure) {
        call.completeExceptionally(failure);
      }
    });
    try {
      return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      return ChargeResult.timedOut(timeout);
    } catch (ExecutionException failure) {
      LOG.warn("payment - charge {} failed without an answer: {}", request.idempotencyKey(), failure.getCause().toString());
      return ChargeResult.timedOut(timeout);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return ChargeResult.timedOut(timeout);
    }
  }

  @Override
  public String name() {
    return gateway.name();
  }
}
