package io.tenure.console;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's two static files, read once from the jar: htmx (its WebJar) and the style sheet. Their URLs
 * name the version, so a browser may keep them for a year.
 */
final class ConsoleAssets {
  /** The htmx WebJar's version (pom.xml); a test checks that the resource exists. */
  static final String HTMX_VERSION = "2.0.8";
  static final String HTMX_PATH = "/console/assets/htmx-" + HTMX_VERSION + ".min.js";
  static final String STYLE_PATH = "/console/assets/console-1.css";

  private ConsoleAssets() {}

  static void register(ConsoleRoutes routes) {
    byte[] htmx = read("META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js");
    byte[] style = read("console/console.css");
    routes.open(HandlerType.GET, HTMX_PATH, context -> serve(context, "text/javascript", htmx));
    routes.open(HandlerType.GET, STYLE_PATH, context -> serve(context, "text/css", style));
  }

  private static void serve(Context context, String type, byte[] body) {
    context.header("Cache-Control", "public, max-age=31536000, immutable").contentType(type + "; charset=utf-8").result(body);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The console's file " + resource + " is missing from the class path.");
      }
      return in.readAllBytes();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
