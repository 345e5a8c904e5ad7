package io.tenure.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.delivery.SmsBodyTemplate;
import io.tenure.delivery.SmsGatewaySettings;
import io.tenure.delivery.SmsSuccessRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An SMS gateway on the loopback address: an HTTP receiver that takes the JSON body of {@link #BODY_TEMPLATE}, hands
 * its delivery key ({@code key}) to a consumer and answers as gateways like Alibaba Cloud SMS do
 * ({@code 200 {"Code":"OK","BizId":…}}); a body without a key is answered 400. Nothing else of a message is kept.
 * Thread-safe.
 *
 * <p>Jetty, not the JDK's {@code com.sun.net.httpserver}: that server closes a keep-alive connection right after
 * answering on it, without {@code Connection: close}, whenever 200 other connections are idle (its
 * {@code maxIdleConnections}, one setting for the whole process), so a client's next request on it is lost half-sent
 * and comes back unknown. This one keeps every connection until it has been idle for {@link #IDLE_TIMEOUT}, longer
 * than the JDK client keeps an idle one (30 s), so the client always lets go first.
 */
public final class SmsReceiver implements AutoCloseable {
  /** The body template of an SMS channel that sends here. */
  public static final String BODY_TEMPLATE = "{\"to\":\"{{phone}}\",\"text\":\"{{text}}\",\"key\":\"{{deliveryKey}}\"}";
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Server server;
  private final ServerConnector connector;
  private final Consumer<String> deliveryKeys;
  private final AtomicLong answered = new AtomicLong();

  /** Listens on a free port; {@code deliveryKeys} takes the key of each message. */
  public SmsReceiver(Consumer<String> deliveryKeys) {
    this.deliveryKeys = deliveryKeys;
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("sms-receiver");
    server = new Server(threads);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    server.setHandler(new Answer());
    try {
      server.start();
    } catch (Exception failure) {
      close();
      throw new IllegalStateException("the local SMS receiver could not listen", failure);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/sms");
  }

  /** The settings of an SMS channel that sends here, judged as Alibaba Cloud SMS is (field {@code Code} is {@code OK}). */
  public SmsGatewaySettings settings(Duration timeout) {
    SmsSuccessRule rule = new SmsSuccessRule("2xx", Optional.of("Code"), Optional.of("OK"), Optional.of("BizId"), Set.of());
    return new SmsGatewaySettings("POST", url(), Map.of(), SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, BODY_TEMPLATE),
        rule, timeout);
  }

  /** The same channel as the options of {@code tenure serve}. */
  public List<String> options() {
    return List.of("--sms-url", url().toString(), "--sms-body", BODY_TEMPLATE, "--sms-success-field", "Code=OK",
        "--sms-message-id-field", "BizId");
  }

  /** Reads the whole body before answering, so that the connection stays usable for the next request. */
  private final class Answer extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
      if (!"/sms".equals(Request.getPathInContext(request))) {
        respond(response, callback, 404, "{\"Code\":\"isv.NOT_FOUND\"}");
        return true;
      }
      JsonNode body;
      try (InputStream in = Content.Source.asInputStream(request)) {
        body = readJson(in);
        in.transferTo(OutputStream.nullOutputStream());
      }
      JsonNode key = body == null ? null : body.get("key");
      if (key == null || !key.isTextual()) {
        respond(response, callback, 400, "{\"Code\":\"isv.INVALID_PARAMETERS\"}");
        return true;
      }
      deliveryKeys.accept(key.asText());
      respond(response, callback, 200, "{\"Code\":\"OK\",\"BizId\":\"receiver-" + answered.incrementAndGet() + "\"}");
      return true;
    }
  }

  /** The body as JSON, or null when it is not JSON (answered 400 like a body without a key). */
  private static JsonNode readJson(InputStream in) throws IOException {
    try {
      return JSON.readTree(in);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static void respond(Response response, Callback callback, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception failure) {
      throw new IllegalStateException("the local SMS receiver did not stop", failure);
    }
  }
}
