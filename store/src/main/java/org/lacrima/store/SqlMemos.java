package org.lacrima.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lacrima.core.coding.Memo;
import org.lacrima.core.project.MemoRepository;

final class SqlMemos implements MemoRepository {

  private final JdbcSession s;

  SqlMemos(JdbcSession s) {
    this.s = s;
  }

  @Override
  public void add(Memo memo) {
    s.handle.createUpdate("INSERT INTO memo (project_key, id, target_kind, target_id, author, written_at, text) "
            + "VALUES (:p, :id, :kind, :target, :author, :at, :text)")
        .bind("p", s.projectKey).bind("id", memo.id()).bind("kind", memo.target().code())
        .bind("target", memo.targetId().toString()).bind("author", memo.author()).bind("at", memo.written())
        .bind("text", memo.text())
        .execute();
  }

  @Override
  public void retarget(UUID memo, UUID targetId) {
    s.handle.createUpdate("UPDATE memo SET target_id = :target WHERE project_key = :p AND id = :id")
        .bind("target", targetId.toString()).bind("p", s.projectKey).bind("id", memo).execute();
  }

  @Override
  public List<Memo> about(Memo.Target target, UUID targetId) {
    return s.handle.createQuery("SELECT id, author, written_at, text FROM memo WHERE project_key = :p "
            + "AND target_kind = :kind AND target_id = :target ORDER BY written_at, key")
        .bind("p", s.projectKey).bind("kind", target.code()).bind("target", targetId.toString())
        .map((rs, ctx) -> new Memo(UUID.fromString(rs.getString("id")), target, targetId, rs.getString("author"),
            Instant.parse(rs.getString("written_at")), rs.getString("text")))
        .list();
  }
}
