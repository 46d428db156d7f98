package org.lacrima.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lacrima.core.InputException;
import org.lacrima.core.project.DocumentRepository;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.text.Names;
import org.lacrima.core.transcript.Document;
import org.lacrima.core.transcript.DocumentSource;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.Turn;

final class SqlDocuments implements DocumentRepository {

  private static final String SUMMARY = "SELECT key, id, name, length, words, turns FROM document";

  private final JdbcSession s;

  SqlDocuments(JdbcSession s) {
    this.s = s;
  }

  @Override
  public void add(Document d) {
    DocumentSource src = d.source();
    long key = s.handle.createUpdate("INSERT INTO document (project_key, id, name, text, length, words, turns, "
            + "source_file, format, encoding, sha256, imported_at, imported_by) VALUES (:p, :id, :name, :text, "
            + ":length, :words, :turns, :file, :format, :encoding, :sha, :at, :by)")
        .bind("p", s.projectKey).bind("id", d.id()).bind("name", d.name()).bind("text", d.text().text())
        .bind("length", d.text().length()).bind("words", d.words()).bind("turns", d.turns().size())
        .bind("file", src.fileName()).bind("format", src.format()).bind("encoding", src.encoding())
        .bind("sha", src.sha256()).bind("at", src.importedAt()).bind("by", src.importedBy())
        .executeAndReturnGeneratedKeys("key").mapTo(Long.class).one();
    s.documentKeys().put(d.id(), key);
    if (!d.turns().isEmpty()) {
      PreparedBatch batch = s.handle.prepareBatch("INSERT INTO turn (document_key, idx, label_start, start_offset, "
          + "end_offset, speaker, time_code) VALUES (:d, :idx, :label, :start, :end, :speaker, :time)");
      for (Turn t : d.turns()) {
        batch.bind("d", key).bind("idx", t.index()).bind("label", t.labelStart()).bind("start", t.start())
            .bind("end", t.end()).bind("speaker", t.speaker()).bindByType("time", t.timestamp().orElse(null), String.class)
            .add();
      }
      batch.execute();
    }
    putVariables(key, d.variables());
  }

  /** As stored, else in the form names are stored in now (a name typed decomposed or with a space). */
  @Override
  public Optional<DocumentSummary> byName(String name) {
    Optional<DocumentSummary> found = exactly(name);
    String normal = Names.normalize(name);
    return found.isPresent() || normal.equals(name) ? found : exactly(normal);
  }

  private Optional<DocumentSummary> exactly(String name) {
    return s.handle.createQuery(SUMMARY + " WHERE project_key = :p AND name = :name")
        .bind("p", s.projectKey).bind("name", name)
        .map((rs, ctx) -> summary(rs, variables(rs.getLong("key"))))
        .findOne();
  }

  @Override
  public List<DocumentSummary> list() {
    Map<Long, Map<String, String>> vars = new HashMap<>();
    s.handle.createQuery("SELECT v.document_key, v.name, v.value FROM document_variable v "
            + "JOIN document d ON d.key = v.document_key WHERE d.project_key = :p")
        .bind("p", s.projectKey)
        .map((rs, ctx) -> vars.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)))
        .list();
    return s.handle.createQuery(SUMMARY + " WHERE project_key = :p ORDER BY " + s.dialect.byCodePoint("name"))
        .bind("p", s.projectKey)
        .map((rs, ctx) -> summary(rs, vars.getOrDefault(rs.getLong("key"), Map.of())))
        .list();
  }

  private static DocumentSummary summary(ResultSet rs, Map<String, String> variables) throws SQLException {
    return new DocumentSummary(UUID.fromString(rs.getString("id")), rs.getString("name"), rs.getInt("length"),
        rs.getInt("words"), rs.getInt("turns"), variables);
  }

  @Override
  public Document get(UUID id) {
    long key = s.documentKeys().key(id);
    return s.handle.createQuery("SELECT name, text, source_file, format, encoding, sha256, imported_at, imported_by "
            + "FROM document WHERE key = :k")
        .bind("k", key)
        .map((rs, ctx) -> new Document(id, rs.getString("name"), DocumentText.ofNormalized(rs.getString("text")),
            turns(key), variables(key),
            new DocumentSource(rs.getString("source_file"), rs.getString("format"), rs.getString("encoding"),
                rs.getString("sha256"), Instant.parse(rs.getString("imported_at")), rs.getString("imported_by"))))
        .one();
  }

  @Override
  public DocumentText text(UUID id) {
    return DocumentText.ofNormalized(s.handle.createQuery("SELECT text FROM document WHERE key = :k")
        .bind("k", s.documentKeys().key(id)).mapTo(String.class).one());
  }

  @Override
  public List<Turn> turns(UUID id) {
    return turns(s.documentKeys().key(id));
  }

  @Override
  public Map<UUID, List<Turn>> turnsByDocument() {
    JdbcSession.KeyMap documents = s.documentKeys();
    Map<UUID, List<Turn>> out = new HashMap<>();
    // the documents as a subquery, not a join: SQLite then reads the turns in key order instead of sorting them
    s.handle.createQuery("SELECT document_key, idx, label_start, start_offset, end_offset, speaker, time_code FROM turn "
            + "WHERE document_key IN (SELECT key FROM document WHERE project_key = :p) ORDER BY document_key, idx")
        .bind("p", s.projectKey)
        .setFetchSize(10_000)
        .map((rs, ctx) -> {
          out.computeIfAbsent(documents.id(rs.getLong(1)), k -> new ArrayList<>()).add(new Turn(rs.getInt(2), rs.getInt(3),
              rs.getInt(4), rs.getInt(5), rs.getString(6), Optional.ofNullable(rs.getString(7))));
          return null;
        })
        .forEach(x -> { });
    return out;
  }

  @Override
  public Map<UUID, int[]> turnRanges() {
    TurnRanges ranges = new TurnRanges();
    s.handle.createQuery("SELECT document_key, start_offset, end_offset FROM turn "
            + "WHERE document_key IN (SELECT key FROM document WHERE project_key = :p) ORDER BY document_key, idx")
        .bind("p", s.projectKey)
        .setFetchSize(10_000)
        .map((rs, ctx) -> ranges.add(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
        .forEach(x -> { });
    return ranges.byDocument(s.documentKeys());
  }

  /** Turn ranges arriving document by document, gathered into one array per document. */
  private static final class TurnRanges {
    private final Map<Long, int[]> done = new HashMap<>();
    private long document = -1;
    private int[] current = new int[0];
    private int size;

    TurnRanges add(long documentKey, int start, int end) {
      if (documentKey != document) {
        finish();
        document = documentKey;
        current = new int[600];
      }
      if (size + 2 > current.length) {
        current = Arrays.copyOf(current, current.length * 2);
      }
      current[size++] = start;
      current[size++] = end;
      return this;
    }

    private void finish() {
      if (document >= 0) {
        done.put(document, Arrays.copyOf(current, size));
      }
      size = 0;
    }

    Map<UUID, int[]> byDocument(JdbcSession.KeyMap documents) {
      finish();
      Map<UUID, int[]> out = new HashMap<>();
      done.forEach((key, ranges) -> out.put(documents.id(key), ranges));
      return out;
    }
  }

  private List<Turn> turns(long key) {
    return s.handle.createQuery("SELECT idx, label_start, start_offset, end_offset, speaker, time_code FROM turn "
            + "WHERE document_key = :k ORDER BY idx")
        .bind("k", key)
        .map((rs, ctx) -> new Turn(rs.getInt("idx"), rs.getInt("label_start"), rs.getInt("start_offset"),
            rs.getInt("end_offset"), rs.getString("speaker"), Optional.ofNullable(rs.getString("time_code"))))
        .list();
  }

  private Map<String, String> variables(long key) {
    Map<String, String> out = new TreeMap<>();
    s.handle.createQuery("SELECT name, value FROM document_variable WHERE document_key = :k")
        .bind("k", key)
        .map((rs, ctx) -> out.put(rs.getString(1), rs.getString(2)))
        .list();
    return out;
  }

  @Override
  public void putVariables(UUID id, Map<String, String> variables) {
    if (!s.documentKeys().contains(id)) {
      throw new InputException("no document with id " + id + " in this project");
    }
    putVariables(s.documentKeys().key(id), variables);
  }

  private void putVariables(long key, Map<String, String> variables) {
    if (variables.isEmpty()) {
      return;
    }
    PreparedBatch batch = s.handle.prepareBatch("INSERT INTO document_variable (document_key, name, value) "
        + "VALUES (:d, :name, :value) ON CONFLICT (document_key, name) DO UPDATE SET value = excluded.value");
    variables.forEach((name, value) -> batch.bind("d", key).bind("name", name).bind("value", value).add());
    batch.execute();
  }
}
