package io.tenure.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

  @Test
  void aPoolThatGaveNoConnectionInTimeIsTransientEvenWithoutAnSqlState() {
    SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
        "tenure - Connection is not available, request timed out after 10000ms.");
    assertThat(TransientFailures.isTransient(new ConnectionException(timedOut))).isTrue();
  }

  @Test
  void aLostConnectionADeadlockAndASerializationFailureAreTransient() {
    assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("closed", "08006")))).isTrue();
    assertThat(TransientFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(TransientFailures.isTransient(new SQLException("serialization", "40001"))).isTrue();
  }

  @Test
  void aBrokenConstraintOrAFailureWithoutStateIsNot() {
    assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
  }
}
