package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reading the in-app inbox: a random unread message of a random account is marked read. The model does not track
 * messages (their number follows from the engine's notices, which it does not predict), so the auditor checks the
 * inbox against itself: the unread count equals the unread listing's length when that fits one page, the answer
 * shows the message read, with the title and body the listing showed (a message is shown as it was sent), the count
 * drops after the read (it never goes up) and the message leaves the unread listing.
 */
final class InboxWorkload {
  private static final int PAGE = 1000;

  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Workload workload;

  InboxWorkload(Calls calls, Auditor auditor, Random random, Workload workload) {
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.workload = workload;
  }

  void readOne() {
    ModelAccount account = workload.randomAccount();
    String inbox = "/v1/accounts/" + account.id + "/messages";
    JsonNode page = calls.get(account.id, inbox + "?unread=true&limit=" + PAGE).body();
    List<String> unread = ids(page);
    long before = count(account, inbox);
    auditor.unread(account, "unread count against the unread listing", page.path("next").isNull() ? unread.size() : before, before);
    if (unread.isEmpty()) {
      return;
    }
    String message = unread.get(random.nextInt(unread.size()));
    // Marking a message read is safe to send again: the second time changes nothing.
    Http.Reply reply = calls.send(account.id, "POST", inbox + "/" + message + "/read", null, null);
    auditor.reply(account, "read message " + message, Expected.success(200, null), reply);
    auditor.unread(account, "message " + message + " shown read", 1, reply.body().path("read").asBoolean() ? 1 : 0);
    JsonNode listed = page.path("items").get(unread.indexOf(message));
    boolean sameText = listed.path("title").equals(reply.body().path("title")) && listed.path("body").equals(reply.body().path("body"));
    auditor.unread(account, "message " + message + " read with the text the listing showed", 1, sameText ? 1 : 0);
    long after = count(account, inbox);
    auditor.unread(account, "unread count after reading " + message, Math.min(after, before - 1), after);
    boolean stillListed = ids(calls.get(account.id, inbox + "?unread=true&limit=" + PAGE).body()).contains(message);
    auditor.unread(account, "message " + message + " in the unread listing after it was read", 0, stillListed ? 1 : 0);
  }

  private long count(ModelAccount account, String inbox) {
    return calls.get(account.id, inbox + "/unread-count").body().path("unread").asLong(-1);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }
}
