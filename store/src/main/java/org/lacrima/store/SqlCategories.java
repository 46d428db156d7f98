package org.lacrima.store;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CategorySystemCodec;
import org.lacrima.core.codebook.Relation;
import org.lacrima.core.project.CategoryRepository;

/** A project's category system: one row per category and relation, each holding its JSON form. */
final class SqlCategories implements CategoryRepository {

  private final JdbcSession s;

  SqlCategories(JdbcSession s) {
    this.s = s;
  }

  @Override
  public CategorySystem current() {
    String info = s.handle.createQuery("SELECT info FROM category_system WHERE project_key = :p")
        .bind("p", s.projectKey).mapTo(String.class).findOne()
        .orElseThrow(() -> new IllegalStateException("the project has no category system record"));
    List<String> categories = s.handle.createQuery("SELECT body FROM category WHERE project_key = :p ORDER BY position")
        .bind("p", s.projectKey).mapTo(String.class).list();
    List<String> relations = s.handle.createQuery("SELECT body FROM relation WHERE project_key = :p ORDER BY position")
        .bind("p", s.projectKey).mapTo(String.class).list();
    return CategorySystemCodec.assemble(info, categories, relations, "the project's category system");
  }

  @Override
  public void replace(CategorySystem system) {
    JdbcSession.KeyMap keys = s.categoryKeys();
    Set<UUID> kept = new HashSet<>();
    List<Category> all = system.categories();
    for (int i = 0; i < all.size(); i++) {
      Category c = all.get(i);
      kept.add(c.id());
      String body = CategorySystemCodec.compact(CategorySystemCodec.category(c));
      if (keys.contains(c.id())) {
        s.handle.createUpdate("UPDATE category SET parent_id = :parent, position = :position, codable = :codable, "
                + "label = :label, body = :body WHERE key = :key")
            .bindByType("parent", c.parent().orElse(null), UUID.class)
            .bind("position", i).bind("codable", c.codable()).bind("label", c.label().english())
            .bind("body", body).bind("key", keys.key(c.id()))
            .execute();
      } else {
        long key = s.handle.createUpdate("INSERT INTO category (project_key, id, parent_id, position, codable, label, body) "
                + "VALUES (:p, :id, :parent, :position, :codable, :label, :body)")
            .bind("p", s.projectKey).bind("id", c.id())
            .bindByType("parent", c.parent().orElse(null), UUID.class)
            .bind("position", i).bind("codable", c.codable()).bind("label", c.label().english())
            .bind("body", body)
            .executeAndReturnGeneratedKeys("key").mapTo(Long.class).one();
        keys.put(c.id(), key);
      }
    }
    for (UUID gone : keys.ids()) {
      if (!kept.contains(gone)) {
        try {
          s.handle.createUpdate("DELETE FROM category WHERE key = :key").bind("key", keys.key(gone)).execute();
        } catch (JdbiException e) {
          throw new InputException("category " + gone + " cannot be removed: codings still refer to it");
        }
        keys.remove(gone);
      }
    }
    s.handle.createUpdate("DELETE FROM relation WHERE project_key = :p").bind("p", s.projectKey).execute();
    List<Relation> relations = system.relations();
    for (int i = 0; i < relations.size(); i++) {
      Relation r = relations.get(i);
      s.handle.createUpdate("INSERT INTO relation (project_key, id, position, kind, from_id, to_id, body) "
              + "VALUES (:p, :id, :position, :kind, :from, :to, :body)")
          .bind("p", s.projectKey).bind("id", r.id()).bind("position", i).bind("kind", r.kind().code())
          .bind("from", r.from()).bind("to", r.to())
          .bind("body", CategorySystemCodec.compact(CategorySystemCodec.relation(r)))
          .execute();
    }
    s.handle.createUpdate("INSERT INTO category_system (project_key, info) VALUES (:p, :info) "
            + "ON CONFLICT (project_key) DO UPDATE SET info = excluded.info")
        .bind("p", s.projectKey).bind("info", CategorySystemCodec.compact(CategorySystemCodec.info(system.info())))
        .execute();
  }

  @Override
  public void saveVersion(String name, CategorySystem system, long logSequence) {
    s.handle.createUpdate("INSERT INTO codebook_version (project_key, name, log_sequence, snapshot) "
            + "VALUES (:p, :name, :seq, :snapshot) ON CONFLICT (project_key, name) DO UPDATE SET "
            + "log_sequence = excluded.log_sequence, snapshot = excluded.snapshot")
        .bind("p", s.projectKey).bind("name", name).bind("seq", logSequence)
        .bind("snapshot", CategorySystemCodec.toCompactJson(system))
        .execute();
  }

  @Override
  public Optional<CategorySystem> version(String name) {
    return s.handle.createQuery("SELECT snapshot FROM codebook_version WHERE project_key = :p AND name = :name")
        .bind("p", s.projectKey).bind("name", name).mapTo(String.class).findOne()
        .map(json -> CategorySystemCodec.readJson(json, "codebook version \"" + name + "\""));
  }

  @Override
  public java.util.OptionalLong versionSequence(String name) {
    return s.handle.createQuery("SELECT log_sequence FROM codebook_version WHERE project_key = :p AND name = :name")
        .bind("p", s.projectKey).bind("name", name).mapTo(Long.class).findOne()
        .map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
  }

  @Override
  public List<String> versionNames() {
    return s.handle.createQuery("SELECT name FROM codebook_version WHERE project_key = :p ORDER BY log_sequence, "
        + s.dialect.byCodePoint("name"))
        .bind("p", s.projectKey).mapTo(String.class).list();
  }
}
