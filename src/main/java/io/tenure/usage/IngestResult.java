package io.tenure.usage;

import java.util.List;

/**
 * The answer to a batch: events stored now, events already stored before (resends), and the refused ones in
 * batch order. Every event of the batch is in exactly one of the three. Immutable.
 */
public record IngestResult(long accepted, long duplicates, List<Rejection> rejected) {

  public IngestResult {
    rejected = List.copyOf(rejected);
  }
}
