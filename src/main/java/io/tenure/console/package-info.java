/**
 * The console: server-rendered HTML pages under {@code /console}, served by the API's own server and port. A page
 * is a route, a jte template (src/main/jte-console) and a small view model. The console is a client of the API in
 * the same process: each page asks the {@code /v1} routes over loopback with the signed-in key, so a scope sees
 * exactly what its key sees through the API, and no class here runs SQL except {@link io.tenure.console.SessionStore}.
 * docs/console.md describes the pages and the decisions.
 */
package io.tenure.console;
