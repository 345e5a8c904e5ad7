package io.tenure.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests of one client of {@code bench ingest}, built before the clock starts: batches of events of the
 * world's resources, each batch resending a share of the previous batch's events (already accepted, so they are
 * duplicates), and the same new events as COPY text rows for the ceiling. Half the quantities are JSON numbers,
 * half decimal strings, as metering agents send them.
 */
final class IngestBatches {
  private static final String[] METERS = {"vcpu_hours", "storage_gb_hours", "egress_gb"};

  final List<byte[]> bodies = new ArrayList<>();
  final List<String> copyRows = new ArrayList<>();
  long newEvents;
  long resent;

  /** {@code batches} batches of {@code size} events for client {@code client}, {@code resendShare} of them resent. */
  IngestBatches(int client, int batches, int size, double resendShare, List<String> resources, Instant now) {
    int resendsPerBatch = (int) Math.round(size * resendShare);
    List<String> previous = List.of();
    long sequence = 0;
    for (int batch = 0; batch < batches; batch++) {
      int fresh = batch == 0 ? size : size - resendsPerBatch;
      List<String> events = new ArrayList<>(size);
      StringBuilder rows = new StringBuilder(fresh * 100);
      for (int i = 0; i < fresh; i++, sequence++) {
        String resource = resources.get((int) ((sequence * 31 + client) % resources.size()));
        String meter = METERS[(int) (sequence % METERS.length)];
        String quantity = sequence % 2 == 0 ? "\"0.25\"" : "1.5";
        Instant time = now.minusSeconds(60 + sequence % 3_000);
        events.add("{\"id\":\"c" + client + "-" + sequence + "\",\"resourceId\":\"" + resource + "\",\"meter\":\"" + meter
            + "\",\"quantity\":" + quantity + ",\"time\":\"" + time + "\"}");
        rows.append(resource).append('\t').append("c").append(client).append('-').append(sequence).append('\t')
            .append(time.toString(), 0, 10).append('\t').append(meter).append('\t').append(quantity.replace("\"", ""))
            .append('\t').append(time).append('\t').append(now).append('\n');
      }
      newEvents += fresh;
      List<String> all = new ArrayList<>(events);
      if (batch > 0) {
        all.addAll(previous.subList(0, Math.min(resendsPerBatch, previous.size())));
        resent += Math.min(resendsPerBatch, previous.size());
      }
      bodies.add(("{\"events\":[" + String.join(",", all) + "]}").getBytes(StandardCharsets.UTF_8));
      copyRows.add(rows.toString());
      previous = events;
    }
  }
}
