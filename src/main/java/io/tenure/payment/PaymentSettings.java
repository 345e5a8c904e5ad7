package io.tenure.payment;

import io.tenure.error.Require;
import java.time.Duration;
import java.util.List;

/**
 * Which payment gateway auto-recharge charges through ({@code serve --payment-gateway}) and how long one call may
 * take ({@code --payment-timeout-ms}) before it counts as timed out and is repeated with the same key.
 */
public record PaymentSettings(String gateway, Duration timeout) {
  /** The gateways Tenure ships. */
  public static final List<String> GATEWAYS = List.of(SandboxGateway.NAME);
  public static final PaymentSettings DEFAULT = new PaymentSettings(SandboxGateway.NAME, Duration.ofSeconds(10));

  public PaymentSettings {
    Require.invariant(GATEWAYS.contains(gateway), "unknown payment gateway %s", gateway);
    Require.invariant(!timeout.isNegative() && !timeout.isZero(), "payment timeout must be positive, was %s", timeout);
  }

  /** The gateway, bounded by the timeout. */
  public PaymentGateway gatewayWithDeadline() {
    return new BoundedGateway(new SandboxGateway(), timeout);
  }
}
