package org.lacrima.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.project.CoderRepository;
import org.lacrima.core.text.Names;

final class SqlCoders implements CoderRepository {

  private final JdbcSession s;

  SqlCoders(JdbcSession s) {
    this.s = s;
  }

  /** As stored, else in the form names are stored in now (a name typed decomposed or with a space). */
  @Override
  public Optional<Coder> byName(String name) {
    Optional<Coder> found = exactly(name);
    String normal = Names.normalize(name);
    return found.isPresent() || normal.equals(name) ? found : exactly(normal);
  }

  private Optional<Coder> exactly(String name) {
    return s.handle.createQuery("SELECT id, name FROM coder WHERE project_key = :p AND name = :name")
        .bind("p", s.projectKey).bind("name", name)
        .map((rs, ctx) -> new Coder(UUID.fromString(rs.getString("id")), rs.getString("name")))
        .findOne();
  }

  @Override
  public void add(Coder coder) {
    long key = s.handle.createUpdate("INSERT INTO coder (project_key, id, name) VALUES (:p, :id, :name)")
        .bind("p", s.projectKey).bind("id", coder.id()).bind("name", coder.name())
        .executeAndReturnGeneratedKeys("key").mapTo(Long.class).one();
    s.coderKeys().put(coder.id(), key);
  }

  @Override
  public List<Coder> list() {
    return s.handle.createQuery("SELECT id, name FROM coder WHERE project_key = :p ORDER BY " + s.dialect.byCodePoint("name"))
        .bind("p", s.projectKey)
        .map((rs, ctx) -> new Coder(UUID.fromString(rs.getString("id")), rs.getString("name")))
        .list();
  }
}
