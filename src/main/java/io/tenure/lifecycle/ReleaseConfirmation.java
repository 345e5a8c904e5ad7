package io.tenure.lifecycle;

/**
 * Who completes a release (SPEC.md section 4): the provider that runs the resource, once its data is destroyed, or
 * nobody, when the product has no provider; then the release completes at the instant it is requested.
 */
public enum ReleaseConfirmation {
  BY_PROVIDER,
  AT_ONCE
}
