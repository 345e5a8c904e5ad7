package io.tenure.lifecycle;

/**
 * What a customer may ask of a resource, one value per endpoint that changes it; {@link Operations} says which
 * are allowed. Topping up is an operation on the account, not the resource, and whether the service may be used
 * is the resource's {@code serviceLevel}: neither is listed here.
 */
public enum Operation {
  /** {@code POST /v1/resources/{id}/renewals}: extend a prepaid term by periods of the plan. */
  RENEW,
  /** {@code PUT /v1/resources/{id}/add-ons}: add, change or remove expansion packages of a prepaid term. */
  CHANGE_ADD_ONS,
  /** {@code POST /v1/resources/{id}/unsubscribe}: end the resource with a refund of the unused part. */
  UNSUBSCRIBE,
  /** {@code PUT /v1/resources/{id}/auto-renew}: turn auto-renewal of a prepaid term on or off, or change its periods. */
  SET_AUTO_RENEW
}
