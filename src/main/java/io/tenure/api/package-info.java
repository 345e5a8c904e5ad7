/**
 * The HTTP API: the server, its error body, JSON reading and writing, API keys and the caller's scope.
 * Each capability registers its own routes; this package owns only the plumbing and the system routes.
 */
package io.tenure.api;
