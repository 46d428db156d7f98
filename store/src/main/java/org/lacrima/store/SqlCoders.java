package org.lacrima.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.project.CoderRepository;

final class SqlCoders implements CoderRepository {

  private final JdbcSession s;

  SqlCoders(JdbcSession s) {
    this.s = s;
  }

  @Override
  public Optional<Coder> byName(String name) {
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
