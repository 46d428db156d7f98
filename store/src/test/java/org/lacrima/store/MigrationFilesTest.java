package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A migration on main is never edited: Flyway checks every applied migration's checksum, so an edited
 * one makes every project that already ran it refuse to open. A change to the schema is a new version.
 * The digests are those of the files as they were first committed (V1 in the first release).
 */
class MigrationFilesTest {

  private static final Map<String, String> DIGESTS = new TreeMap<>(Map.ofEntries(
      Map.entry("postgresql/V1__project_schema.sql", "20e2f3d15de8ae075224fab145ce6035bb87bc4e72e21df4e9da363297e7a48b"),
      Map.entry("postgresql/V2__codebook_change_trail.sql", "ca72a143d603c97bbdaf921fe17ef178b874a29237a2c99c3ce40a3665d6256a"),
      Map.entry("postgresql/V3__coverage.sql", "2890c7eb63c747ac156a2f832e6e8661c89030b39db3299b31515cc7dc5d10dd"),
      Map.entry("postgresql/V4__consensus.sql", "e95ba8785702e3886f72b8808dfb09780ad8063eecd640f632a567fc80fd3428"),
      Map.entry("postgresql/V5__coding_checks_by_statement.sql", "fb3a4ba56c027b64967801539195397913f0f4b3a1057596056fdd05d99c465c"),
      Map.entry("postgresql/V6__consensus_decision_history.sql", "cda0c5dc6f1c14d73c0f569cbda94b5f42fb892e53634fa465992f55d0b4ca02"),
      Map.entry("postgresql/V7__document_summary_index.sql", "b4d3f885cd110f02c0a659b0e13ab606d1707eb63194eed1a604505e488d0953"),
      Map.entry("sqlite/V1__project_schema.sql", "b7942cd062674f66af4664365cebb8e097664d401f53be806b4ad38e7f4130a0"),
      Map.entry("sqlite/V2__codebook_change_trail.sql", "db176d96b85fbe863ebce0ed38088f90f28f085a3bfd3135cb86ddd83a1cf262"),
      Map.entry("sqlite/V3__coverage.sql", "a318a756f404e1b2b89bc7283e2d85ada04a4738103136da70e936ee01d9fbe5"),
      Map.entry("sqlite/V4__consensus.sql", "67a7f48e4cd3d46769b33be378afdfdefb362582f8d2935f7a1598533193c636"),
      Map.entry("sqlite/V5__coding_checks_by_statement.sql", "9e198dbee49c3de0dc7a1c007ede5bd7c9c3131d88ee87cb1b270cf02d07a3f2"),
      Map.entry("sqlite/V6__consensus_decision_history.sql", "6bf50ca1034ea632672b9c15690d7fb467cc3f5c1cf89e5725dd2151c3d6d067"),
      Map.entry("sqlite/V7__document_summary_index.sql", "b4d3f885cd110f02c0a659b0e13ab606d1707eb63194eed1a604505e488d0953")));

  @Test
  void noMigrationOnMainIsEverEdited() throws Exception {
    assertThat(DIGESTS).hasSize(2 * Migrations.LATEST);
    for (Map.Entry<String, String> e : DIGESTS.entrySet()) {
      try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + e.getKey())) {
        assertThat(in).as(e.getKey()).isNotNull();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        assertThat(digest).as(e.getKey() + " was edited; add a new migration instead").isEqualTo(e.getValue());
      }
    }
  }
}
