package org.lacrima.store;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lacrima.core.project.MeaningUnitRepository;
import org.lacrima.core.transcript.MeaningUnit;

final class SqlUnits implements MeaningUnitRepository {

  private final JdbcSession s;

  SqlUnits(JdbcSession s) {
    this.s = s;
  }

  @Override
  public void replace(UUID document, List<MeaningUnit> units) {
    long key = s.documentKeys().key(document);
    s.handle.createUpdate("DELETE FROM meaning_unit WHERE document_key = :d").bind("d", key).execute();
    if (units.isEmpty()) {
      return;
    }
    PreparedBatch batch = s.handle.prepareBatch("INSERT INTO meaning_unit (id, document_key, start_offset, end_offset, origin) "
        + "VALUES (:id, :d, :start, :end, :origin)");
    for (MeaningUnit u : units) {
      batch.bind("id", u.id()).bind("d", key).bind("start", u.start()).bind("end", u.end())
          .bind("origin", u.origin().code()).add();
    }
    batch.execute();
  }

  @Override
  public List<MeaningUnit> byDocument(UUID document) {
    return s.handle.createQuery("SELECT id, start_offset, end_offset, origin FROM meaning_unit WHERE document_key = :d "
            + "ORDER BY start_offset, end_offset")
        .bind("d", s.documentKeys().key(document))
        .map((rs, ctx) -> new MeaningUnit(UUID.fromString(rs.getString("id")), document, rs.getInt("start_offset"),
            rs.getInt("end_offset"), MeaningUnit.Origin.parse(rs.getString("origin"))))
        .list();
  }

  @Override
  public long count() {
    return s.handle.createQuery("SELECT COUNT(*) FROM meaning_unit u JOIN document d ON d.key = u.document_key "
            + "WHERE d.project_key = :p")
        .bind("p", s.projectKey).mapTo(Long.class).one();
  }
}
