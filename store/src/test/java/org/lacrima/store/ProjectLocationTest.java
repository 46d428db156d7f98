package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A server URL in a message never shows its password. */
class ProjectLocationTest {

  @Test
  void aRefusedUrlIsShownWithoutItsPassword() {
    for (String db : new String[] {"postgresql://anna:s3cretPW@127.0.0.1:5432", "postgresql://anna:s3cretPW@127.0.0.1:5432/te st",
        "postgresql://anna:s3cretPW@127.0.0.1:notaport/test", "mysql://anna:s3cretPW@127.0.0.1/test"}) {
      assertThatThrownBy(() -> ProjectLocation.postgres(db, "p")).as(db).hasMessageNotContaining("s3cretPW")
          .hasMessageContaining("anna:***@127.0.0.1");
    }
    assertThatThrownBy(() -> ProjectLocation.postgres("postgresql://anna:s3cretPW@127.0.0.1:notaport/test", "p"))
        .hasMessageContaining("the port is not a number");
    // a password holding "/" or "@", or given as a parameter
    for (String db : new String[] {"postgresql://anna:s3c/retPW@127.0.0.1:5432", "postgresql://anna:s3c@retPW@127.0.0.1:5432",
        "postgresql://127.0.0.1:5432/te st?password=s3cretPW&x=a b"}) {
      assertThatThrownBy(() -> ProjectLocation.postgres(db, "p")).as(db).hasMessageNotContaining("s3c")
          .hasMessageNotContaining("retPW");
    }
  }
}
