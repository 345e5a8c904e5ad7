package io.tenure.simulation;

import java.math.BigDecimal;

/**
 * What the auditor predicts a call answers: a success with its bill total (null when the call bills nothing) and
 * the balance after it, or a refusal with its status and code.
 */
record Expected(int status, String code, BigDecimal billTotal) {

  static Expected success(int status, BigDecimal billTotal) {
    return new Expected(status, "", billTotal);
  }

  static Expected refused(int status, String code) {
    return new Expected(status, code, null);
  }

  boolean ok() {
    return code.isEmpty();
  }

  @Override
  public String toString() {
    return ok() ? status + (billTotal == null ? "" : " bill " + billTotal.toPlainString()) : status + " " + code;
  }
}
