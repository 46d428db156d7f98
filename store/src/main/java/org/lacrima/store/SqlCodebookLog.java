package org.lacrima.store;

import org.lacrima.core.Ids;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.project.CodebookLog;

final class SqlCodebookLog implements CodebookLog {

  private final JdbcSession s;

  SqlCodebookLog(JdbcSession s) {
    this.s = s;
  }

  @Override
  public CodebookChange append(Instant at, String who, String why, CodebookChange.Kind kind, String details) {
    long seq = s.handle.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM codebook_change WHERE project_key = :p")
        .bind("p", s.projectKey).mapTo(Long.class).one();
    CodebookChange change = new CodebookChange(seq, Ids.next(), at, who, why, kind, details);
    s.handle.createUpdate("INSERT INTO codebook_change (project_key, seq, id, at, who, why, kind, details) "
            + "VALUES (:p, :seq, :id, :at, :who, :why, :kind, :details)")
        .bind("p", s.projectKey).bind("seq", seq).bind("id", change.id()).bind("at", at).bind("who", who)
        .bind("why", why).bind("kind", kind.code()).bind("details", details)
        .execute();
    return change;
  }

  @Override
  public List<CodebookChange> all() {
    return s.handle.createQuery("SELECT seq, id, at, who, why, kind, details FROM codebook_change "
            + "WHERE project_key = :p ORDER BY seq")
        .bind("p", s.projectKey)
        .map((rs, ctx) -> new CodebookChange(rs.getLong("seq"), UUID.fromString(rs.getString("id")),
            Instant.parse(rs.getString("at")), rs.getString("who"), rs.getString("why"),
            CodebookChange.Kind.parse(rs.getString("kind")), rs.getString("details")))
        .list();
  }
}
