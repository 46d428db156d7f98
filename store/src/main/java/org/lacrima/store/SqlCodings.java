package org.lacrima.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.project.CodingRepository;
import org.lacrima.core.transcript.DocumentSummary;
import org.postgresql.PGConnection;

/**
 * Codings. Adding goes in bulk: a prepared batch on SQLite, COPY into a staging table on
 * PostgreSQL; on both, a decision already stored gains the new memo instead of a second row.
 */
final class SqlCodings implements CodingRepository {

  private static final String COLUMNS = "c.id, c.document_key, c.coder_key, c.category_key, c.start_offset, c.end_offset, c.memo";
  private static final int CHUNK = 5_000;

  private final JdbcSession s;
  private boolean stagingTable;

  SqlCodings(JdbcSession s) {
    this.s = s;
  }

  @Override
  public void add(List<Coding> codings) {
    if (codings.isEmpty()) {
      return;
    }
    List<Coding> unique = Coding.collapseRepeatedDecisions(codings);
    JdbcSession.KeyMap docs = s.documentKeys();
    JdbcSession.KeyMap coders = s.coderKeys();
    JdbcSession.KeyMap categories = s.categoryKeys();
    for (int from = 0; from < unique.size(); from += CHUNK) {
      List<Coding> chunk = unique.subList(from, Math.min(unique.size(), from + CHUNK));
      if (s.dialect == Dialect.POSTGRESQL) {
        copyIn(chunk, docs, coders, categories);
      } else {
        PreparedBatch batch = s.handle.prepareBatch(s.dialect.insertCoding(
            "VALUES (:p, :id, :doc, :coder, :cat, :start, :end, :memo)"));
        for (Coding c : chunk) {
          batch.bind("p", s.projectKey).bind("id", c.id()).bind("doc", docs.key(c.document()))
              .bind("coder", coders.key(c.coder())).bind("cat", categories.key(c.category()))
              .bind("start", c.start()).bind("end", c.end()).bind("memo", c.memo())
              .add();
        }
        batch.execute();
      }
    }
  }

  private void copyIn(List<Coding> chunk, JdbcSession.KeyMap docs, JdbcSession.KeyMap coders, JdbcSession.KeyMap categories) {
    if (!stagingTable) {
      s.handle.execute("CREATE TEMP TABLE IF NOT EXISTS coding_in (project_key BIGINT, id UUID, document_key BIGINT, "
          + "coder_key BIGINT, category_key BIGINT, start_offset INTEGER, end_offset INTEGER, memo TEXT) ON COMMIT DROP");
      stagingTable = true;
    }
    StringBuilder csv = new StringBuilder(chunk.size() * 96);
    for (Coding c : chunk) {
      csv.append(s.projectKey).append(',').append(c.id()).append(',').append(docs.key(c.document())).append(',')
          .append(coders.key(c.coder())).append(',').append(categories.key(c.category())).append(',')
          .append(c.start()).append(',').append(c.end()).append(",\"")
          .append(c.memo().replace("\"", "\"\"")).append("\"\n");
    }
    try {
      s.handle.getConnection().unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY coding_in FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
    } catch (SQLException e) {
      throw new IllegalStateException("could not stage codings: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s.handle.execute(s.dialect.insertCoding("SELECT project_key, id, document_key, coder_key, category_key, "
        + "start_offset, end_offset, memo FROM coding_in"));
    s.handle.execute("TRUNCATE coding_in");
  }

  @Override
  public long count() {
    return s.handle.createQuery("SELECT COUNT(*) FROM coding WHERE project_key = :p")
        .bind("p", s.projectKey).mapTo(Long.class).one();
  }

  @Override
  public Map<UUID, Coding> byIds(Collection<UUID> ids) {
    Map<UUID, Coding> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<UUID> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 500) {
      s.handle.createQuery("SELECT " + COLUMNS + " FROM coding c WHERE c.project_key = :p AND c.id IN (<ids>)")
          .bind("p", s.projectKey)
          .bindList("ids", all.subList(from, Math.min(all.size(), from + 500)))
          .map((rs, ctx) -> coding(rs))
          .forEach(c -> out.put(c.id(), c));
    }
    return out;
  }

  @Override
  public List<Coding> byDocument(UUID document) {
    return s.handle.createQuery("SELECT " + COLUMNS + " FROM coding c WHERE c.document_key = :d "
            + "ORDER BY c.start_offset, c.end_offset, c.coder_key, c.category_key")
        .bind("d", s.documentKeys().key(document))
        .map((rs, ctx) -> coding(rs))
        .list();
  }

  @Override
  public void forEach(Consumer<Coding> action) {
    for (DocumentSummary d : s.documents().list()) {
      byDocument(d.id()).forEach(action);
    }
  }

  @Override
  public List<CodingCount> countByCategoryCoderAnd(String variable) {
    JdbcSession.KeyMap coders = s.coderKeys();
    JdbcSession.KeyMap categories = s.categoryKeys();
    return s.handle.createQuery("SELECT c.category_key, c.coder_key, COALESCE(v.value, '') AS value, COUNT(*) AS n "
            + "FROM coding c LEFT JOIN document_variable v ON v.document_key = c.document_key AND v.name = :var "
            + "WHERE c.project_key = :p GROUP BY c.category_key, c.coder_key, COALESCE(v.value, '')")
        .bind("p", s.projectKey).bind("var", variable)
        .map((rs, ctx) -> new CodingCount(categories.id(rs.getLong(1)), coders.id(rs.getLong(2)),
            rs.getString(3), rs.getLong(4)))
        .list();
  }

  private Coding coding(ResultSet rs) throws SQLException {
    return new Coding(UUID.fromString(rs.getString("id")), s.documentKeys().id(rs.getLong("document_key")),
        rs.getInt("start_offset"), rs.getInt("end_offset"), s.categoryKeys().id(rs.getLong("category_key")),
        s.coderKeys().id(rs.getLong("coder_key")), rs.getString("memo"));
  }
}
