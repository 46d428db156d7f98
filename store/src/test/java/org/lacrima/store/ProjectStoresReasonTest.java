package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProjectStoresReasonTest {

  @Test
  void anUnknownHostIsNamedNotJustAFailedConnection() {
    // as the PostgreSQL driver reports it: a general message, the host's name only in the cause
    SQLException failed = new SQLException("The connection attempt failed.",
        new UnknownHostException("nonexistent.invalid"));
    assertThat(ProjectStores.reason(failed))
        .isEqualTo("the server's host name \"nonexistent.invalid\" is not known (a typing error in --db, or no network "
            + "to it)");
  }
}
