/** The failures Tenure reports to callers, each with a stable code, and the always-on invariant checks. */
package io.tenure.error;
