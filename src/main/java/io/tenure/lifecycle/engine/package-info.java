/**
 * The lifecycle engine: the I/O shell around the pure rules of {@link io.tenure.lifecycle}. It claims due
 * resources, applies the rules, and writes their results; it also carries out auto-renewals and group effects.
 */
package io.tenure.lifecycle.engine;
