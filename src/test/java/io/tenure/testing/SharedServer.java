package io.tenure.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for all the tests of a class, with the simulated clock at a chosen instant:
 * {@code @RegisterExtension static final SharedServer server = SharedServer.simulatedAt("...");}.
 */
public final class SharedServer implements BeforeAllCallback, AfterAllCallback {
  private final String start;
  private TestServer server;

  private SharedServer(String start) {
    this.start = start;
  }

  public static SharedServer simulatedAt(String start) {
    return new SharedServer(start);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.simulatedAt(start);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  public TestServer server() {
    return server;
  }

  public HttpApi operator() {
    return server.operator();
  }
}
