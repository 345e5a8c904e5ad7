package io.tenure.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import io.tenure.error.LimitExceededException;
import io.tenure.error.NotFoundException;
import io.tenure.error.RejectedException;
import io.tenure.error.TenureException;
import io.tenure.store.Pipelined;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * Runs a money-moving request at most once per {@code Idempotency-Key}. The key is claimed together with the
 * answer, in one statement at the end of the database transaction of the change it guards (sent with the commit), so
 * the change and the record of its answer commit together or not at all. A request whose key turns out to be taken
 * fails that statement, has its own change undone and gets the first answer: a concurrent one with the same key waits
 * for the first (on the account both change, or else on the claim), so it never sees a half-made answer. The first
 * answer is kept even when it is a refusal (409, 422, 404), so a retry never turns an earlier "no" into a "yes" behind
 * the caller's back. The same key with a different request is refused with {@code IDEMPOTENCY_KEY_REUSED}. Keys are
 * kept per account. Thread-safe.
 */
public final class Idempotency {
  public static final String HEADER = "Idempotency-Key";
  /** The status of a claimed key without an answer: never written now (a claim carries its answer), but an earlier
   * Tenure claimed a key first and answered it later, in the same transaction. */
  private static final int PLACEHOLDER = 0;
  private static final String IN_FLIGHT = "IDEMPOTENCY_KEY_IN_FLIGHT";

  private final Jdbi jdbi;
  private final InstantSource clock;

  public Idempotency(Jdbi jdbi, InstantSource clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** An answer to keep: status and body. */
  public record Reply(int status, Object body) {}

  private record Stored(String requestHash, int status, String response) {}

  /**
   * Runs {@code change} in one transaction, once per key within the namespace of the account it is about, and
   * writes its answer to {@code context}. {@code subject} reads what the request is about (an account, a resource)
   * in that transaction and refuses it when the caller may not see it; {@code namespace} names its account. A
   * subject the caller may not see claims no key and is remembered nowhere, so no caller can plant an answer in
   * another account's keys. Without a key the change runs as a new request, unless {@code keyRequired}.
   */
  public <S> void once(Context context, boolean keyRequired, Function<Handle, S> subject, Function<S, String> namespace,
      BiFunction<Handle, S, Reply> change) {
    String key = context.header(HEADER);
    if (key == null) {
      if (keyRequired) {
        throw new InvalidInputException("IDEMPOTENCY_KEY_REQUIRED", "This call moves money: send an Idempotency-Key header.");
      }
      Reply reply = jdbi.inTransaction(handle -> change.apply(handle, subject.apply(handle)));
      context.status(reply.status()).json(reply.body());
      return;
    }
    if (key.isBlank() || key.length() > RequestChecks.PARAMETER_LENGTH_MAX || TextDeserializer.problem(key) != null) {
      throw new InvalidInputException("INVALID_IDEMPOTENCY_KEY",
          "The Idempotency-Key must be 1 to " + RequestChecks.PARAMETER_LENGTH_MAX + " printable characters.");
    }
    String requestHash = Sha256.hex(context.method() + " " + context.path() + "\n" + context.body());
    AtomicReference<String> namespaceOf = new AtomicReference<>();
    try {
      jdbi.useTransaction(handle -> {
        S about = subject.apply(handle);
        namespaceOf.set(namespace.apply(about));
        Reply reply = change.apply(handle, about);
        // Written once: the text kept for a retry is the text sent now.
        String body = Json.write(reply.body());
        claim(handle, namespaceOf.get(), key, requestHash, reply.status(), body);
        context.status(reply.status()).contentType("application/json").result(body);
      });
    } catch (RejectedException | LimitExceededException | NotFoundException refusal) {
      if (namespaceOf.get() == null || refusal.code().equals(IN_FLIGHT)) {
        // The caller may not see the subject (nothing was claimed), or the key's state at this moment: never kept.
        throw refusal;
      }
      Optional<Stored> first = rememberRefusal(namespaceOf.get(), key, requestHash, refusal);
      if (first.isEmpty()) {
        throw refusal;
      }
      replay(context, first.get(), requestHash, key);
    } catch (RuntimeException failure) {
      // A repeat of a request already answered gets that answer: its claim failed on the key taken (and undid its
      // change), or running it again failed otherwise.
      replay(context, answeredBefore(namespaceOf.get(), key, failure), requestHash, key);
    }
  }

  /** The answer kept for the key, when a request that failed had one; otherwise {@code failure} is thrown. */
  private Stored answeredBefore(String namespace, String key, RuntimeException failure) {
    if (namespace == null) {
      throw failure;
    }
    Optional<Stored> stored;
    try {
      stored = jdbi.withHandle(handle -> storedIfAny(handle, namespace, key));
    } catch (RuntimeException unreadable) {
      failure.addSuppressed(unreadable);
      throw failure;
    }
    return stored.orElseThrow(() -> failure);
  }

  /**
   * Claims the key with the answer, after the change it answers, in a write that travels with the commit; a key
   * claimed already fails it (a unique violation), and the transaction with it. A request with the same key still in
   * flight holds the account it changes, so this waits for nothing in practice; the claim's unique key waits for it
   * otherwise.
   */
  private void claim(Handle handle, String namespace, String key, String requestHash, int status, String response) {
    answer(handle, Pipelined.DEFERRABLE + INSERT_ANSWER, namespace, key, requestHash, status, response).execute();
  }

  /**
   * Keeps a refusal's answer under the key, claimed in the same statement; false when the key was claimed already.
   */
  private boolean keep(Handle handle, String namespace, String key, String requestHash, int status, String response) {
    return answer(handle, INSERT_ANSWER + " ON CONFLICT DO NOTHING", namespace, key, requestHash, status, response)
        .execute() == 1;
  }

  private static final String INSERT_ANSWER = """
      INSERT INTO idempotency_keys (namespace, key, request_hash, status, response, created_at)
      VALUES (:namespace, :key, :hash, :status, :response, :now)""";

  /** {@code sql}, an {@link #INSERT_ANSWER}, bound to the key and its answer. */
  private Update answer(Handle handle, String sql, String namespace, String key, String requestHash, int status,
      String response) {
    return handle.createUpdate(sql).bind("namespace", namespace).bind("key", key).bind("hash", requestHash)
        .bind("status", status).bind("response", response).bind("now", clock.instant());
  }

  /**
   * Keeps {@code refusal} as the key's first answer, unless another request claimed the key meanwhile: then
   * that request's answer is returned, to be replayed instead.
   */
  private Optional<Stored> rememberRefusal(String namespace, String key, String requestHash, TenureException refusal) {
    int status = ApiServer.statusOf(refusal);
    String body = Json.write(ErrorBody.of(refusal.code(), refusal.getMessage()));
    return jdbi.inTransaction(handle -> {
      if (keep(handle, namespace, key, requestHash, status, body)) {
        return Optional.empty();
      }
      return Optional.of(stored(handle, namespace, key));
    });
  }

  private static Stored stored(Handle handle, String namespace, String key) {
    return storedIfAny(handle, namespace, key).orElseThrow();
  }

  private static Optional<Stored> storedIfAny(Handle handle, String namespace, String key) {
    return handle.createQuery("SELECT request_hash, status, response FROM idempotency_keys WHERE namespace = :namespace AND key = :key")
        .bind("namespace", namespace).bind("key", key)
        .map((row, context) -> new Stored(row.getString("request_hash"), row.getInt("status"), row.getString("response")))
        .findOne();
  }

  private static void replay(Context context, Stored stored, String requestHash, String key) {
    if (!stored.requestHash().equals(requestHash)) {
      throw new RejectedException("IDEMPOTENCY_KEY_REUSED",
          "The Idempotency-Key '" + Echo.of(key) + "' was already used for a different request.");
    }
    if (stored.status() == PLACEHOLDER) {
      // Never seen: the claim and the answer commit together. Were it seen, it is not an answer to send.
      throw new RejectedException(IN_FLIGHT,
          "The request with the Idempotency-Key '" + Echo.of(key) + "' is still being processed; send it again.");
    }
    String response = stored.status() >= 400 ? replayedRefusal(stored.response()) : stored.response();
    context.status(stored.status()).contentType("application/json").header("Idempotent-Replayed", "true").result(response);
  }

  /**
   * A refusal replayed keeps its status and code (a retry never turns a "no" into a "yes"), but says that it
   * is a replay, so that nobody retries with the same key and expects another outcome.
   */
  private static String replayedRefusal(String response) {
    try {
      JsonNode error = Json.MAPPER.readTree(response).path("error");
      return Json.write(ErrorBody.of(error.path("code").asText(), "An earlier request with this Idempotency-Key was refused, "
          + "and this is that answer again: " + error.path("message").asText() + " To try again, send a new Idempotency-Key."));
    } catch (JsonProcessingException unreadable) {
      throw new IllegalStateException("a stored idempotent answer is not JSON", unreadable);
    }
  }
}
