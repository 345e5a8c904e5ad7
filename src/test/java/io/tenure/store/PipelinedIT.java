package io.tenure.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * A transaction's deferrable writes run after what came before them and before what comes after, with the next
 * statement or the commit, all or nothing; outside a transaction they run at once. A held write shows that it was
 * held by failing later than where it was written.
 */
class PipelinedIT {
  private static final String INSERT = Pipelined.DEFERRABLE + "INSERT INTO piped (id, note) VALUES (:id, :note)";
  private static Database database;
  private static Jdbi jdbi;

  @BeforeAll
  static void open() {
    database = Database.connect(TestDatabases.fresh(), 2);
    jdbi = database.jdbi();
    jdbi.useHandle(handle -> handle.execute("CREATE TABLE piped (id integer PRIMARY KEY, note text NOT NULL)"));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void empty() {
    jdbi.useHandle(handle -> handle.execute("TRUNCATE piped"));
  }

  @Test
  void heldWritesRunInOrderBeforeTheNextStatementWithTheirOwnParameters() {
    List<String> seen = jdbi.inTransaction(handle -> {
      insert(handle, 1, "first");
      insert(handle, 2, "second");
      handle.createUpdate(Pipelined.DEFERRABLE + "UPDATE piped SET note = note || :suffix WHERE id = :id")
          .bind("suffix", "!").bind("id", 1).execute();
      return handle.createQuery("SELECT note FROM piped WHERE id IN (:a, :b) ORDER BY id")
          .bind("a", 1).bind("b", 2).mapTo(String.class).list();
    });
    assertThat(seen).containsExactly("first!", "second");
  }

  @Test
  void aHeldWriteThatFailsFailsTheStatementItTravelsWithAndNothingIsCommitted() {
    jdbi.useHandle(handle -> insert(handle, 7, "there"));
    jdbi.useTransaction(handle -> {
      insert(handle, 8, "new");
      assertThatCode(() -> insert(handle, 7, "duplicate")).doesNotThrowAnyException(); // held
      assertThatThrownBy(() -> handle.createQuery("SELECT count(*) FROM piped").mapTo(Integer.class).one())
          .hasRootCauseInstanceOf(SQLException.class).rootCause().hasMessageContaining("duplicate key");
    });
    assertThat(notes()).containsExactly("there");
  }

  @Test
  void theCommitCarriesWhatIsHeldAndAFailureThereUndoesTheTransaction() {
    jdbi.useTransaction(handle -> {
      insert(handle, 1, "one");
      insert(handle, 2, "two");
    });
    assertThat(notes()).containsExactly("one", "two");

    assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
      handle.execute("DELETE FROM piped WHERE id = 2");
      insert(handle, 3, "three");
      assertThatCode(() -> insert(handle, 1, "duplicate")).doesNotThrowAnyException(); // held until the commit
    })).hasRootCauseInstanceOf(SQLException.class).rootCause().hasMessageContaining("duplicate key");
    assertThat(notes()).containsExactly("one", "two");
  }

  @Test
  void aRollbackDropsWhatIsHeld() {
    jdbi.useHandle(handle -> {
      handle.begin();
      insert(handle, 1, "dropped");
      handle.rollback();
      insert(handle, 2, "kept"); // outside a transaction: at once
    });
    assertThat(notes()).containsExactly("kept");
  }

  @Test
  void outsideATransactionADeferrableWriteRunsAtOnce() {
    jdbi.useHandle(handle -> {
      insert(handle, 1, "one");
      assertThatThrownBy(() -> insert(handle, 1, "again")).hasMessageContaining("duplicate key");
    });
  }

  @Test
  void plainJdbcCopyAndBatchesFindTheHeldWritesRun() throws SQLException {
    jdbi.useTransaction(handle -> {
      insert(handle, 1, "one");
      String note = Jdbc.query(handle, "SELECT note FROM piped WHERE id = CAST(? AS integer)", rows -> rows.next() ? rows.getString(1) : null, "1");
      assertThat(note).isEqualTo("one");
      insert(handle, 2, "two");
      Connection connection = handle.getConnection();
      connection.unwrap(PGConnection.class); // COPY goes through the driver's own connection: what is held runs first
      try (Statement plain = connection.createStatement(); ResultSet rows = plain.executeQuery("SELECT count(*) FROM piped")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(2);
      }
      insert(handle, 3, "three");
      try (PreparedStatement batch = connection.prepareStatement("UPDATE piped SET note = upper(note) WHERE id = ?")) {
        for (int id = 1; id <= 3; id++) {
          batch.setInt(1, id);
          batch.addBatch();
        }
        assertThat(batch.executeBatch()).containsExactly(1, 1, 1);
      }
    });
    assertThat(notes()).containsExactly("ONE", "TWO", "THREE");
  }

  private static void insert(Handle handle, int id, String note) {
    assertThat(handle.createUpdate(INSERT).bind("id", id).bind("note", note).execute()).isEqualTo(1);
  }

  private static List<String> notes() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT note FROM piped ORDER BY id").mapTo(String.class).list());
  }
}
