package io.tenure.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every operation the simulator sent, in order, with the account it concerned (null for the clock and the
 * catalog, which concern every account): the material of a reproduction. Thread-safe.
 */
final class Journal {
  private record Entry(int number, String account, String line) {}

  private final List<Entry> entries = new ArrayList<>();

  synchronized int add(String account, String line) {
    int number = entries.size() + 1;
    entries.add(new Entry(number, account, line));
    return number;
  }

  synchronized int size() {
    return entries.size();
  }

  /** The operations that could have affected {@code account}: its own and every global one, in order. */
  synchronized String reproduction(String account) {
    return entries.stream().filter(entry -> entry.account == null || account == null || entry.account.equals(account))
        .map(entry -> String.format("  #%d %s", entry.number, entry.line)).collect(Collectors.joining("\n"));
  }
}
