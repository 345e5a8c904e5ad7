package io.tenure.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for all the tests of a class, with the simulated clock at a chosen instant, and for the
 * console's tests a {@link ConsoleBrowser} on it:
 * {@code @RegisterExtension static final SharedServer server = SharedServer.simulatedAt("...");}.
 */
public final class SharedServer implements BeforeAllCallback, AfterAllCallback {
  private final String start;
  private final boolean withBrowser;
  private TestServer server;
  private ConsoleBrowser browser;

  private SharedServer(String start, boolean withBrowser) {
    this.start = start;
    this.withBrowser = withBrowser;
  }

  public static SharedServer simulatedAt(String start) {
    return new SharedServer(start, false);
  }

  /** The same, with a browser opened on the server before the class's own {@code @BeforeAll}. */
  public SharedServer withBrowser() {
    return new SharedServer(start, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.simulatedAt(start);
    if (withBrowser) {
      browser = ConsoleBrowser.open(server);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  public ConsoleBrowser browser() {
    return browser;
  }

  public TestServer server() {
    return server;
  }

  public HttpApi operator() {
    return server.operator();
  }
}
