package org.lacrima.store;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.project.CoverageRepository;

final class SqlCoverage implements CoverageRepository {

  private final JdbcSession s;

  SqlCoverage(JdbcSession s) {
    this.s = s;
  }

  @Override
  public void add(List<Coverage> spans) {
    if (spans.isEmpty()) {
      return;
    }
    JdbcSession.KeyMap docs = s.documentKeys();
    JdbcSession.KeyMap coders = s.coderKeys();
    JdbcSession.KeyMap categories = s.categoryKeys();
    PreparedBatch batch = s.handle.prepareBatch("INSERT INTO coverage (project_key, document_key, coder_key, "
        + "category_key, start_offset, end_offset) VALUES (:p, :d, :c, :cat, :start, :end) "
        + "ON CONFLICT (document_key, coder_key, category_key, start_offset, end_offset) DO NOTHING");
    for (Coverage c : spans) {
      batch.bind("p", s.projectKey).bind("d", docs.key(c.document())).bind("c", coders.key(c.coder()))
          .bind("cat", categories.key(c.category())).bind("start", c.start()).bind("end", c.end()).add();
    }
    batch.execute();
  }

  @Override
  public void removeAll(UUID coder) {
    if (s.coderKeys().contains(coder)) {
      s.handle.createUpdate("DELETE FROM coverage WHERE coder_key = :c").bind("c", s.coderKeys().key(coder)).execute();
    }
  }

  @Override
  public void remove(UUID coder, List<UUID> documents, List<UUID> categories) {
    if (documents.isEmpty() || categories.isEmpty() || !s.coderKeys().contains(coder)) {
      return;
    }
    JdbcSession.KeyMap docs = s.documentKeys();
    JdbcSession.KeyMap cats = s.categoryKeys();
    PreparedBatch batch = s.handle.prepareBatch("DELETE FROM coverage WHERE coder_key = :c AND document_key = :d "
        + "AND category_key = :cat");
    long coderKey = s.coderKeys().key(coder);
    for (UUID d : documents) {
      for (UUID cat : categories) {
        batch.bind("c", coderKey).bind("d", docs.key(d)).bind("cat", cats.key(cat)).add();
      }
    }
    batch.execute();
  }

  @Override
  public List<Coverage> byCategory(UUID category) {
    JdbcSession.KeyMap docs = s.documentKeys();
    JdbcSession.KeyMap coders = s.coderKeys();
    return s.handle.createQuery("SELECT document_key, coder_key, start_offset, end_offset FROM coverage "
            + "WHERE category_key = :cat ORDER BY document_key, start_offset")
        .bind("cat", s.categoryKeys().key(category))
        .map((rs, ctx) -> new Coverage(docs.id(rs.getLong(1)), coders.id(rs.getLong(2)), category, rs.getInt(3),
            rs.getInt(4)))
        .list();
  }

  @Override
  public boolean recordedFor(UUID category) {
    return s.handle.createQuery("SELECT EXISTS (SELECT 1 FROM coverage WHERE category_key = :cat)")
        .bind("cat", s.categoryKeys().key(category)).mapTo(Boolean.class).one();
  }
}
