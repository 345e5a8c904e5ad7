package io.tenure.payment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The payment gateway shipped for tests and demos (docs/recharge.md, "The sandbox gateway"). Its test payment
 * methods: {@code tok_sandbox_success} is charged; {@code tok_sandbox_decline} is declined; {@code tok_sandbox_timeout}
 * is charged but the first call under a key does not answer in time (as when a reply is lost), so Tenure must repeat
 * it with the same key and get the first result. Any other token is declined as unknown. Like a real gateway it
 * honours idempotency keys: a second call with a key it already answered returns the first result and charges
 * nothing. It keeps its keys in memory, for the life of the process. Thread-safe.
 */
public final class SandboxGateway implements PaymentGateway {
  public static final String NAME = "sandbox";
  public static final String SUCCESS = "tok_sandbox_success";
  public static final String DECLINE = "tok_sandbox_decline";
  public static final String TIMEOUT = "tok_sandbox_timeout";

  private final Map<String, ChargeResult> answered = new ConcurrentHashMap<>();
  private final AtomicLong charges = new AtomicLong();

  @Override
  public ChargeResult charge(ChargeRequest request) {
    boolean[] first = {false};
    ChargeResult result = answered.computeIfAbsent(request.idempotencyKey(), key -> {
      first[0] = true;
      return decide(request);
    });
    if (first[0] && request.paymentMethod().equals(TIMEOUT)) {
      // The charge was made, but its answer is lost: the caller learns it only by asking again with the key.
      return ChargeResult.timedOut(Duration.ZERO);
    }
    return result;
  }

  private ChargeResult decide(ChargeRequest request) {
    return switch (request.paymentMethod()) {
      case SUCCESS, TIMEOUT -> ChargeResult.succeeded("sbx_" + charges.incrementAndGet());
      case DECLINE -> ChargeResult.declined("card declined");
      default -> ChargeResult.declined("unknown payment method");
    };
  }

  /** How many charges the sandbox made (not counting repeated calls): money really taken from test cards. */
  public long charges() {
    return charges.get();
  }

  @Override
  public String name() {
    return NAME;
  }
}
