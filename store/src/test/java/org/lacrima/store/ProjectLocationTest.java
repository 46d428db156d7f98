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
        "postgresql://127.0.0.1:5432/te st?password=s3cretPW&x=a b", "postgresql://anna:s3c?retPW@127.0.0.1:5432/test",
        "postgresql://anna:1234?x@127.0.0.1:5432/test", "postgresql://anna:s3c#retPW@127.0.0.1:5432/test",
        "postgresql://127.0.0.1:abc/test?sslpassword=s3cretPW"}) {
      assertThatThrownBy(() -> ProjectLocation.postgres(db, "p")).as(db).hasMessageNotContaining("s3c")
          .hasMessageNotContaining("retPW").hasMessageNotContaining("1234");
    }
    // a URL where the project's name belongs is refused as such, without its password
    assertThatThrownBy(() -> ProjectLocation.of("postgresql://anna:s3cretPW@127.0.0.1/test", java.util.Optional.empty()))
        .hasMessageContaining("is a server's URL, not a project").hasMessageContaining("--db")
        .hasMessageNotContaining("s3cretPW");
  }

  @Test
  void aPortOutOfRangeOrAPathOfTwoPartsIsOneClearLine() {
    assertThatThrownBy(() -> ProjectLocation.postgres("postgresql://anna@127.0.0.1:99999/test", "p"))
        .isInstanceOf(org.lacrima.core.InputException.class).hasMessageContaining("port 99999 is no port");
    assertThatThrownBy(() -> ProjectLocation.postgres("postgresql://anna@127.0.0.1:5432/test/extra", "p"))
        .isInstanceOf(org.lacrima.core.InputException.class).hasMessageContaining("is no database name");
    // a password with "/" in it reads as a port and a path holding the rest of it: shown neither in part nor whole
    for (String db : new String[] {"postgresql://alice:2024/Secret@db.example/lacrima",
        "postgresql://alice:2024/Secret@127.0.0.1"}) {
      assertThatThrownBy(() -> ProjectLocation.postgres(db, "p")).as(db).hasMessageNotContaining("Secret")
          .hasMessageContaining("percent-encoded");
    }
    assertThatThrownBy(() -> ProjectLocation.of("postgresql://bob:hunter2@127.0.0.1/test",
        java.util.Optional.of("postgresql://127.0.0.1/test"))).hasMessageNotContaining("hunter2")
        .hasMessageContaining("is a server's URL, not a project");
  }
}
