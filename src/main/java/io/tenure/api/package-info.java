/**
 * The HTTP API: the server, its error body, JSON reading and writing, and the caller's scope (API keys, which
 * say who calls, belong to accounts).
 * Each capability registers its own routes; this package owns only the plumbing and the system routes.
 */
package io.tenure.api;
