package io.tenure.resource;

import io.tenure.error.Require;
import java.math.BigDecimal;

/**
 * The unused share of a term, kept as the exact fraction remaining seconds / total seconds so that money
 * is multiplied before anything is rounded. Immutable.
 */
public record ProrationFactor(long remainingSeconds, long totalSeconds) {

  public ProrationFactor {
    Require.invariant(totalSeconds > 0, "a proration factor needs a positive total, not %d", totalSeconds);
    Require.invariant(remainingSeconds >= 0 && remainingSeconds <= totalSeconds,
        "remaining %d seconds is not within 0..%d", remainingSeconds, totalSeconds);
  }

  public BigDecimal remaining() {
    return BigDecimal.valueOf(remainingSeconds);
  }

  public BigDecimal total() {
    return BigDecimal.valueOf(totalSeconds);
  }

  public boolean isZero() {
    return remainingSeconds == 0;
  }

  public boolean isWhole() {
    return remainingSeconds == totalSeconds;
  }
}
