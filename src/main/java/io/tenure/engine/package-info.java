/**
 * The lifecycle engine: the I/O shell around the pure rules of {@link io.tenure.lifecycle}. It claims due
 * resources, applies the rules, and writes their results; it also carries out auto-renewals and group effects.
 * It stands above what it drives (resource, ledger, notify, provider, account, catalog); nothing but the wiring
 * and the command line depends on it.
 */
package io.tenure.engine;
