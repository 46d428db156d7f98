package org.lacrima.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
import org.postgresql.copy.CopyOut;

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

  /** A coding with the keys it is stored under. */
  private record Keyed(Coding coding, long document, long coder, long category) {
  }

  private static final Comparator<Keyed> DECISION_ORDER = Comparator.comparingLong(Keyed::document)
      .thenComparingLong(Keyed::coder).thenComparingLong(Keyed::category)
      .thenComparingInt(k -> k.coding().start()).thenComparingInt(k -> k.coding().end());

  @Override
  public void add(List<Coding> codings) {
    if (codings.isEmpty()) {
      return;
    }
    JdbcSession.KeyMap docs = s.documentKeys();
    JdbcSession.KeyMap coders = s.coderKeys();
    JdbcSession.KeyMap categories = s.categoryKeys();
    List<Keyed> rows = new ArrayList<>();
    for (Coding c : Coding.collapseRepeatedDecisions(codings)) {
      rows.add(new Keyed(c, docs.key(c.document()), coders.key(c.coder()), categories.key(c.category())));
    }
    // in the order of the decision index, so that its pages are written one after another
    rows.sort(DECISION_ORDER);
    if (s.dialect == Dialect.POSTGRESQL) {
      copyIn(rows);
      s.codingsLoaded += rows.size();
      return;
    }
    for (int from = 0; from < rows.size(); from += CHUNK) {
      PreparedBatch batch = s.handle.prepareBatch(s.dialect.insertCoding(
          "VALUES (:p, :id, :doc, :coder, :cat, :start, :end, :memo)"));
      for (Keyed k : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
        Coding c = k.coding();
        batch.bind("p", s.projectKey).bind("id", c.id()).bind("doc", k.document()).bind("coder", k.coder())
            .bind("cat", k.category()).bind("start", c.start()).bind("end", c.end()).bind("memo", c.memo())
            .add();
      }
      batch.execute();
    }
  }

  private void copyIn(List<Keyed> rows) {
    if (!stagingTable) {
      s.handle.execute("CREATE TEMP TABLE IF NOT EXISTS coding_in (seq INTEGER, project_key BIGINT, id UUID, "
          + "document_key BIGINT, coder_key BIGINT, category_key BIGINT, start_offset INTEGER, end_offset INTEGER, "
          + "memo TEXT) ON COMMIT DROP");
      stagingTable = true;
    }
    StringBuilder csv = new StringBuilder(rows.size() * 100);
    int seq = 0;
    for (Keyed k : rows) {
      Coding c = k.coding();
      csv.append(seq++).append(',').append(s.projectKey).append(',').append(c.id()).append(',').append(k.document())
          .append(',').append(k.coder()).append(',').append(k.category()).append(',').append(c.start()).append(',')
          .append(c.end()).append(",\"").append(c.memo().replace("\"", "\"\"")).append("\"\n");
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
        + "start_offset, end_offset, memo FROM coding_in ORDER BY seq"));
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
    for (List<UUID> part : partition(ids)) {
      s.handle.createQuery("SELECT " + COLUMNS + " FROM coding c WHERE c.project_key = :p AND c.id IN (<ids>)")
          .bind("p", s.projectKey)
          .bindList("ids", part)
          .map((rs, ctx) -> coding(rs))
          .forEach(c -> out.put(c.id(), c));
    }
    return out;
  }

  @Override
  public List<Coding> byCoder(UUID coder) {
    if (!s.coderKeys().contains(coder)) {
      return List.of();
    }
    return s.handle.createQuery("SELECT " + COLUMNS + " FROM coding c WHERE c.coder_key = :k "
            + "ORDER BY c.document_key, c.start_offset, c.end_offset, c.category_key")
        .bind("k", s.coderKeys().key(coder))
        .map((rs, ctx) -> coding(rs))
        .list();
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
  public List<Coding> byCategory(UUID category) {
    return s.handle.createQuery("SELECT " + COLUMNS + " FROM coding c WHERE c.category_key = :cat "
            + "ORDER BY c.document_key, c.start_offset, c.end_offset, c.coder_key")
        .bind("cat", s.categoryKeys().key(category))
        .map((rs, ctx) -> coding(rs))
        .list();
  }

  @Override
  public void setCategory(Collection<UUID> codings, UUID category) {
    long key = s.categoryKeys().key(category);
    for (List<UUID> part : partition(codings)) {
      s.handle.createUpdate("UPDATE coding SET category_key = :cat WHERE project_key = :p AND id IN (<ids>)")
          .bind("cat", key).bind("p", s.projectKey).bindList("ids", part).execute();
    }
  }

  @Override
  public void update(Coding coding) {
    int rows = s.handle.createUpdate("UPDATE coding SET start_offset = :start, end_offset = :end, category_key = :cat, "
            + "memo = :memo WHERE project_key = :p AND id = :id")
        .bind("start", coding.start()).bind("end", coding.end()).bind("cat", s.categoryKeys().key(coding.category()))
        .bind("memo", coding.memo()).bind("p", s.projectKey).bind("id", coding.id())
        .execute();
    if (rows != 1) {
      throw new org.lacrima.core.InputException("no coding with id " + coding.id() + " in this project");
    }
  }

  @Override
  public void setMemo(UUID coding, String memo) {
    s.handle.createUpdate("UPDATE coding SET memo = :memo WHERE project_key = :p AND id = :id")
        .bind("memo", memo).bind("p", s.projectKey).bind("id", coding).execute();
  }

  @Override
  public void delete(Collection<UUID> codings) {
    for (List<UUID> part : partition(codings)) {
      s.handle.createUpdate("DELETE FROM coding WHERE project_key = :p AND id IN (<ids>)")
          .bind("p", s.projectKey).bindList("ids", part).execute();
    }
  }

  private static List<List<UUID>> partition(Collection<UUID> ids) {
    List<UUID> all = new ArrayList<>(ids);
    List<List<UUID>> parts = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 500) {
      parts.add(all.subList(from, Math.min(all.size(), from + 500)));
    }
    return parts;
  }

  @Override
  public void forEach(Consumer<Coding> action) {
    for (DocumentSummary d : s.documents().list()) {
      byDocument(d.id()).forEach(action);
    }
  }

  @Override
  public void forEachSpan(SpanSink sink) {
    // The drivers' cost per row and column outweighed everything else for a million codings, so both databases
    // send the spans as one stream of numbers: SQLite one row per document, its codings joined into a text;
    // PostgreSQL (which would sort a million rows to group them) through COPY. The documents as a subquery, so
    // that both read the coding index.
    String documents = " FROM coding WHERE document_key IN (SELECT key FROM document WHERE project_key = "
        + s.projectKey + ")";
    SpanNumbers numbers = new SpanNumbers(s, sink);
    if (s.dialect == Dialect.POSTGRESQL) {
      try {
        CopyOut copy = s.handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT "
            + "document_key, coder_key, category_key, start_offset, end_offset" + documents + ") TO STDOUT");
        try {
          for (byte[] chunk = copy.readFromCopy(); chunk != null; chunk = copy.readFromCopy()) {
            for (byte b : chunk) {
              numbers.next((char) b);
            }
          }
        } catch (RuntimeException | Error e) {
          // a COPY left open makes the connection wait for it for ever, the rollback included; cancelling it
          // leaves the protocol out of step, so the rest is read and dropped
          try {
            while (copy.isActive() && copy.readFromCopy() != null) {
              // dropped
            }
          } catch (SQLException | RuntimeException drained) {
            e.addSuppressed(drained);
          }
          throw e;
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not read the codings: " + e.getMessage(), e);
      }
      numbers.end();
      return;
    }
    s.handle.createQuery("SELECT document_key || ' ' || group_concat(coder_key || ' ' || category_key || ' ' || "
            + "start_offset || ' ' || end_offset, ' ')" + documents + " GROUP BY document_key")
        .setFetchSize(100)
        .scanResultSet((rows, ctx) -> {
          ResultSet rs = rows.get();
          while (rs.next()) {
            String joined = rs.getString(1);
            for (int i = 0; i < joined.length(); i++) {
              numbers.next(joined.charAt(i));
            }
            numbers.next('\n');
          }
          return null;
        });
    numbers.end();
  }

  /**
   * Reads spans from a stream of numbers separated by spaces or tabs, one document per line: "document coder category
   * start end coder category start end …" (a document may also begin each of its spans, as COPY writes them; having
   * SQLite write it for every span too made its reading a fifth slower). Hands each span on with its ids, looking a
   * key up only where it differs from the span before's.
   */
  private static final class SpanNumbers {
    private final JdbcSession.KeyMap documents;
    private final JdbcSession.KeyMap coders;
    private final JdbcSession.KeyMap categories;
    private final SpanSink sink;
    private final boolean documentEachRow;
    private final long[] fields = new long[5];
    private int field;
    private long value;
    private boolean digits;
    private long documentKey = -1;
    private long coderKey = -1;
    private long categoryKey = -1;
    private UUID document;
    private UUID coder;
    private UUID category;

    SpanNumbers(JdbcSession s, SpanSink sink) {
      documents = s.documentKeys();
      coders = s.coderKeys();
      categories = s.categoryKeys();
      this.sink = sink;
      this.documentEachRow = s.dialect == Dialect.POSTGRESQL;
    }

    void next(char c) {
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        digits = true;
        return;
      }
      if (c != ' ' && c != '\t' && c != '\n') {
        throw new IllegalStateException("the codings read back hold a character that is no digit");
      }
      if (!digits) {
        throw new IllegalStateException("the codings read back hold an empty number");
      }
      fields[field++] = value;
      value = 0;
      digits = false;
      if (field == 5) {
        span();
        // the next span of the same document, without its key where the database gives it once
        field = documentEachRow ? 0 : 1;
      }
      if (c == '\n') {
        if (field != (documentEachRow ? 0 : 1)) {
          throw new IllegalStateException("the codings read back did not come in whole rows");
        }
        field = 0;
      }
    }

    void end() {
      if (field != 0 || digits) {
        throw new IllegalStateException("the codings read back ended within a row");
      }
    }

    private void span() {
      if (fields[0] != documentKey) {
        documentKey = fields[0];
        document = documents.id(documentKey);
      }
      if (fields[1] != coderKey) {
        coderKey = fields[1];
        coder = coders.id(coderKey);
      }
      if (fields[2] != categoryKey) {
        categoryKey = fields[2];
        category = categories.id(categoryKey);
      }
      sink.span(document, coder, category, (int) fields[3], (int) fields[4]);
    }
  }

  @Override
  public List<CodingCount> countByDocumentCoderAndCategory() {
    JdbcSession.KeyMap documents = s.documentKeys();
    JdbcSession.KeyMap coders = s.coderKeys();
    JdbcSession.KeyMap categories = s.categoryKeys();
    // through the project's documents, so that both databases read the decision index in order
    return s.handle.createQuery("SELECT c.document_key, c.coder_key, c.category_key, COUNT(*) FROM coding c "
            + "JOIN document d ON d.key = c.document_key WHERE d.project_key = :p "
            + "GROUP BY c.document_key, c.coder_key, c.category_key")
        .bind("p", s.projectKey)
        .map((rs, ctx) -> new CodingCount(documents.id(rs.getLong(1)), coders.id(rs.getLong(2)),
            categories.id(rs.getLong(3)), rs.getLong(4)))
        .list();
  }

  private Coding coding(ResultSet rs) throws SQLException {
    return new Coding(UUID.fromString(rs.getString("id")), s.documentKeys().id(rs.getLong("document_key")),
        rs.getInt("start_offset"), rs.getInt("end_offset"), s.categoryKeys().id(rs.getLong("category_key")),
        s.coderKeys().id(rs.getLong("coder_key")), rs.getString("memo"));
  }
}
