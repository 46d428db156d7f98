package org.lacrima.store;

import org.lacrima.core.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.CodingTrail;
import org.lacrima.core.coding.Coding;
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
  public void keepTrail(long sequence, CodingTrail trail) {
    PreparedBatch batch = s.handle.prepareBatch("INSERT INTO codebook_change_trail (project_key, seq, position, action, "
        + "item_id, from_category, to_category, document_id, coder_id, start_offset, end_offset, memo, kept_id, "
        + "kept_memo_before, kept_memo_after) VALUES (:p, :seq, :pos, :action, :item, :from, :to, :doc, :coder, "
        + ":start, :end, :memo, :kept, :before, :after)");
    int position = 0;
    for (CodingTrail.Moved m : trail.moved()) {
      PreparedBatch row = bindCommon(batch, sequence, position++, "moved", m.coding(), m.from(), m.to());
      m.leftAs().ifPresent(left -> row.bindByType("doc", left.document(), UUID.class)
          .bindByType("coder", left.coder(), UUID.class)
          .bind("start", left.start()).bind("end", left.end()).bind("memo", left.memo()));
      row.add();
    }
    for (CodingTrail.Collapsed c : trail.collapsed()) {
      Coding r = c.removed();
      bindCommon(batch, sequence, position++, "collapsed", r.id(), r.category(), r.category())
          .bindByType("doc", r.document(), UUID.class).bindByType("coder", r.coder(), UUID.class)
          .bind("start", r.start()).bind("end", r.end()).bind("memo", r.memo())
          .bindByType("kept", c.kept(), UUID.class).bind("before", c.keptMemoBefore()).bind("after", c.keptMemoAfter())
          .add();
    }
    for (CodingTrail.MemoMoved m : trail.memos()) {
      bindCommon(batch, sequence, position++, "memo", m.memo(), m.from(), m.to()).add();
    }
    if (position > 0) {
      batch.execute();
    }
  }

  private PreparedBatch bindCommon(PreparedBatch batch, long seq, int position, String action, UUID item, UUID from,
      UUID to) {
    return batch.bind("p", s.projectKey).bind("seq", seq).bind("pos", position).bind("action", action)
        .bind("item", item).bind("from", from).bind("to", to)
        .bindByType("doc", null, UUID.class).bindByType("coder", null, UUID.class)
        .bindByType("start", null, Integer.class).bindByType("end", null, Integer.class)
        .bindByType("memo", null, String.class).bindByType("kept", null, UUID.class)
        .bindByType("before", null, String.class).bindByType("after", null, String.class);
  }

  @Override
  public CodingTrail trail(long sequence) {
    List<CodingTrail.Moved> moved = new ArrayList<>();
    List<CodingTrail.Collapsed> collapsed = new ArrayList<>();
    List<CodingTrail.MemoMoved> memos = new ArrayList<>();
    s.handle.createQuery("SELECT * FROM codebook_change_trail WHERE project_key = :p AND seq = :seq ORDER BY position")
        .bind("p", s.projectKey).bind("seq", sequence)
        .map((rs, ctx) -> {
          UUID item = UUID.fromString(rs.getString("item_id"));
          UUID from = UUID.fromString(rs.getString("from_category"));
          UUID to = UUID.fromString(rs.getString("to_category"));
          switch (rs.getString("action")) {
            // a move logged before the coding's state was kept has no document: undo then checks its category only
            case "moved" -> moved.add(new CodingTrail.Moved(item, from, to, rs.getString("document_id") == null
                ? Optional.empty()
                : Optional.of(new Coding(item, UUID.fromString(rs.getString("document_id")), rs.getInt("start_offset"),
                    rs.getInt("end_offset"), to, UUID.fromString(rs.getString("coder_id")), rs.getString("memo")))));
            case "memo" -> memos.add(new CodingTrail.MemoMoved(item, from, to));
            case "collapsed" -> collapsed.add(new CodingTrail.Collapsed(
                new Coding(item, UUID.fromString(rs.getString("document_id")), rs.getInt("start_offset"),
                    rs.getInt("end_offset"), from, UUID.fromString(rs.getString("coder_id")), rs.getString("memo")),
                UUID.fromString(rs.getString("kept_id")), rs.getString("kept_memo_before"),
                rs.getString("kept_memo_after")));
            default -> throw new IllegalStateException("unknown trail action " + rs.getString("action"));
          }
          return null;
        })
        .list();
    return new CodingTrail(moved, collapsed, memos);
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
