package org.lacrima.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.lacrima.core.InputException;
import org.lacrima.core.project.CategoryRepository;
import org.lacrima.core.project.CodebookLog;
import org.lacrima.core.project.CoderRepository;
import org.lacrima.core.project.CodingRepository;
import org.lacrima.core.project.ConsensusRepository;
import org.lacrima.core.project.CoverageRepository;
import org.lacrima.core.project.DocumentRepository;
import org.lacrima.core.project.MeaningUnitRepository;
import org.lacrima.core.project.MemoRepository;
import org.lacrima.core.project.ProjectInfo;
import org.lacrima.core.project.ProjectSession;

/**
 * The repositories of one project on one transaction's handle. Rows refer to each other by integer
 * keys; the session maps the UUIDs the core speaks to those keys and back.
 */
final class JdbcSession implements ProjectSession {

  final Handle handle;
  final Dialect dialect;
  final long projectKey;
  private final ProjectInfo info;
  private final KeyMap categoryKeys = new KeyMap("category");
  private final KeyMap coderKeys = new KeyMap("coder");
  private final KeyMap documentKeys = new KeyMap("document");
  /** Codings this session added in bulk: after a large load the planner wants fresh statistics. */
  long codingsLoaded;

  private SqlCategories categories;
  private SqlDocuments documents;
  private SqlCoders coders;
  private SqlCodings codings;
  private SqlCoverage coverage;
  private SqlConsensus consensus;
  private SqlUnits units;
  private SqlMemos memos;
  private SqlCodebookLog log;

  JdbcSession(Handle handle, Dialect dialect, long projectKey, ProjectInfo info) {
    this.handle = handle;
    this.dialect = dialect;
    this.projectKey = projectKey;
    this.info = info;
  }

  @Override
  public ProjectInfo project() {
    return info;
  }

  @Override
  public CategoryRepository categories() {
    return categories == null ? categories = new SqlCategories(this) : categories;
  }

  @Override
  public DocumentRepository documents() {
    return documents == null ? documents = new SqlDocuments(this) : documents;
  }

  @Override
  public CoderRepository coders() {
    return coders == null ? coders = new SqlCoders(this) : coders;
  }

  @Override
  public CodingRepository codings() {
    return codings == null ? codings = new SqlCodings(this) : codings;
  }

  @Override
  public CoverageRepository coverage() {
    return coverage == null ? coverage = new SqlCoverage(this) : coverage;
  }

  @Override
  public ConsensusRepository consensus() {
    return consensus == null ? consensus = new SqlConsensus(this) : consensus;
  }

  @Override
  public MeaningUnitRepository units() {
    return units == null ? units = new SqlUnits(this) : units;
  }

  @Override
  public MemoRepository memos() {
    return memos == null ? memos = new SqlMemos(this) : memos;
  }

  @Override
  public CodebookLog log() {
    return log == null ? log = new SqlCodebookLog(this) : log;
  }

  KeyMap categoryKeys() {
    return categoryKeys.loaded(this);
  }

  KeyMap coderKeys() {
    return coderKeys.loaded(this);
  }

  KeyMap documentKeys() {
    return documentKeys.loaded(this);
  }

  /** Integer keys of one table's rows for this project, both ways; loaded once per session. */
  static final class KeyMap {
    private final String table;
    private final Map<UUID, Long> keys = new HashMap<>();
    private final Map<Long, UUID> ids = new HashMap<>();
    private boolean loaded;

    KeyMap(String table) {
      this.table = table;
    }

    KeyMap loaded(JdbcSession s) {
      if (!loaded) {
        s.handle.createQuery("SELECT key, id FROM " + table + " WHERE project_key = :p")
            .bind("p", s.projectKey)
            .map((rs, ctx) -> {
              put(UUID.fromString(rs.getString("id")), rs.getLong("key"));
              return null;
            })
            .list();
        loaded = true;
      }
      return this;
    }

    void put(UUID id, long key) {
      keys.put(id, key);
      ids.put(key, id);
    }

    void remove(UUID id) {
      Long key = keys.remove(id);
      if (key != null) {
        ids.remove(key);
      }
    }

    Set<UUID> ids() {
      return Set.copyOf(keys.keySet());
    }

    boolean contains(UUID id) {
      return keys.containsKey(id);
    }

    long key(UUID id) {
      Long k = keys.get(id);
      if (k == null) {
        throw new InputException("no " + table + " with id " + id + " in this project");
      }
      return k;
    }

    UUID id(long key) {
      UUID id = ids.get(key);
      if (id == null) {
        throw new IllegalStateException(table + " row " + key + " is not part of this project");
      }
      return id;
    }
  }
}
