package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of docs/scopes.md: for each operation ({@code "GET /v1/accounts/{id}"}), the expected outcome
 * for each kind of key ({@code allowed}, {@code 401}, {@code 403} or {@code 404}).
 */
final class ScopeTable {
  static final String OPERATOR = "operator";
  static final String PARTNER_OWN = "partner: own";
  static final String PARTNER_OTHER = "partner: other";
  static final String ACCOUNT_ITSELF = "account: itself";
  static final String ACCOUNT_OTHER = "account: other";
  static final String REVOKED = "revoked key";
  static final String NO_KEY = "no key";
  static final List<String> COLUMNS = List.of(OPERATOR, PARTNER_OWN, PARTNER_OTHER, ACCOUNT_ITSELF, ACCOUNT_OTHER, REVOKED, NO_KEY);
  private static final Set<String> OUTCOMES = Set.of("allowed", "401", "403", "404");

  private final Map<String, Map<String, String>> rows;

  private ScopeTable(Map<String, Map<String, String>> rows) {
    this.rows = rows;
  }

  static ScopeTable read(Path markdown) {
    try {
      return parse(Files.readAllLines(markdown));
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** Reads the table whose first header cell is {@code operation}; its last column is prose and ignored. */
  static ScopeTable parse(List<String> lines) {
    List<String> header = null;
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : lines) {
      List<String> cells = cells(line);
      if (cells.isEmpty()) {
        continue;
      }
      if (cells.getFirst().equals("operation")) {
        header = cells;
        assertThat(header.subList(1, COLUMNS.size() + 1)).as("the columns of docs/scopes.md").isEqualTo(COLUMNS);
      } else if (header != null && cells.getFirst().startsWith("`")) {
        String operation = cells.getFirst().replace("`", "");
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (int column = 0; column < COLUMNS.size(); column++) {
          String outcome = cells.get(column + 1);
          assertThat(OUTCOMES).as("the cell %s / %s of docs/scopes.md", operation, COLUMNS.get(column)).contains(outcome);
          outcomes.put(COLUMNS.get(column), outcome);
        }
        assertThat(rows.put(operation, outcomes)).as("docs/scopes.md lists %s twice", operation).isNull();
      }
    }
    assertThat(rows).as("docs/scopes.md has no table whose first column is 'operation'").isNotEmpty();
    return new ScopeTable(rows);
  }

  Set<String> operations() {
    return rows.keySet();
  }

  /** {@code allowed}, {@code 401}, {@code 403} or {@code 404}. */
  String outcome(String operation, String column) {
    return rows.get(operation).get(column);
  }

  private static List<String> cells(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("|") || trimmed.startsWith("|---")) {
      return List.of();
    }
    // A cell may hold an escaped bar (\|); none of the parsed columns does, so a plain split suffices.
    return Arrays.stream(trimmed.substring(1).split("\\|")).map(String::strip).toList();
  }
}
