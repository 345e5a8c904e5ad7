/**
 * Low-balance warnings and auto-recharge (SPEC.md section 7, docs/recharge.md): the pure rules of a crossing
 * ({@link io.tenure.payment.LowBalance}, {@link io.tenure.payment.RechargeState}), the payment gateway behind an
 * interface ({@link io.tenure.payment.PaymentGateway}, the sandbox gateway), and the account's crossing state
 * (V19), checked after every change of an account's money in the change's own transaction.
 */
package io.tenure.payment;
