package org.lacrima.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.consensus.ConsensusDecision;
import org.lacrima.core.project.ConsensusRepository;

final class SqlConsensus implements ConsensusRepository {

  private static final String COLUMNS = "disagreement_id, document_id, unit_start, unit_end, category_id, decision, "
      + "taken_coder, taken_present, span_start, span_end, new_category_id, rationale, decided_by, decided_at";

  private final JdbcSession s;

  SqlConsensus(JdbcSession s) {
    this.s = s;
  }

  @Override
  public Optional<ConsensusDecision> save(ConsensusDecision d) {
    Optional<ConsensusDecision> before = byDisagreement(d.disagreement());
    // the decision replaced is kept as it was: a team's earlier judgement is part of the record
    before.ifPresent(b -> s.handle.createUpdate("INSERT INTO consensus_decision_replaced (project_key, " + COLUMNS
            + ", replaced_at) SELECT project_key, " + COLUMNS + ", :at FROM consensus_decision WHERE project_key = :p "
            + "AND disagreement_id = :id")
        .bind("p", s.projectKey).bind("id", d.disagreement()).bind("at", d.decidedAt().toString()).execute());
    s.handle.createUpdate("INSERT INTO consensus_decision (project_key, " + COLUMNS + ") VALUES (:p, :id, :doc, "
            + ":us, :ue, :cat, :decision, :coder, :side, :ss, :se, :newcat, :why, :who, :at) ON CONFLICT (project_key, "
            + "disagreement_id) DO UPDATE SET decision = excluded.decision, taken_coder = excluded.taken_coder, "
            + "taken_present = excluded.taken_present, span_start = excluded.span_start, span_end = excluded.span_end, "
            + "new_category_id = excluded.new_category_id, rationale = excluded.rationale, "
            + "decided_by = excluded.decided_by, decided_at = excluded.decided_at")
        .bind("p", s.projectKey).bind("id", d.disagreement()).bind("doc", d.document()).bind("us", d.unitStart())
        .bind("ue", d.unitEnd()).bind("cat", d.category()).bind("decision", d.kind().code())
        .bindByType("coder", d.takenCoder().orElse(null), String.class)
        .bindByType("side", d.takenPresent().orElse(null), Boolean.class)
        .bindByType("ss", d.spanStart().orElse(null), Integer.class)
        .bindByType("se", d.spanEnd().orElse(null), Integer.class)
        .bindByType("newcat", d.newCategory().orElse(null), UUID.class)
        .bind("why", d.rationale()).bind("who", d.decidedBy()).bind("at", d.decidedAt())
        .execute();
    return before;
  }

  @Override
  public List<Replaced> replaced() {
    return s.handle.createQuery("SELECT " + COLUMNS + ", replaced_at FROM consensus_decision_replaced WHERE "
            + "project_key = :p ORDER BY key")
        .bind("p", s.projectKey).map((rs, ctx) -> new Replaced(decision(rs), Instant.parse(rs.getString("replaced_at"))))
        .list();
  }

  @Override
  public Optional<ConsensusDecision> byDisagreement(String id) {
    return s.handle.createQuery("SELECT " + COLUMNS + " FROM consensus_decision WHERE project_key = :p AND "
            + "disagreement_id = :id")
        .bind("p", s.projectKey).bind("id", id).map((rs, ctx) -> decision(rs)).findOne();
  }

  @Override
  public List<ConsensusDecision> all() {
    return s.handle.createQuery("SELECT " + COLUMNS + " FROM consensus_decision WHERE project_key = :p ORDER BY key")
        .bind("p", s.projectKey).map((rs, ctx) -> decision(rs)).list();
  }

  @Override
  public void saveStudy(String study, String who, Instant at) {
    s.handle.createUpdate("INSERT INTO consensus_study (project_key, study, built_by, built_at) VALUES (:p, :study, "
            + ":who, :at) ON CONFLICT (project_key) DO UPDATE SET study = excluded.study, built_by = excluded.built_by, "
            + "built_at = excluded.built_at")
        .bind("p", s.projectKey).bind("study", study).bind("who", who).bind("at", at.toString()).execute();
  }

  @Override
  public Optional<String> study() {
    return s.handle.createQuery("SELECT study FROM consensus_study WHERE project_key = :p").bind("p", s.projectKey)
        .mapTo(String.class).findOne();
  }

  @Override
  public void forgetStudy() {
    s.handle.createUpdate("DELETE FROM consensus_study WHERE project_key = :p").bind("p", s.projectKey).execute();
  }

  private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static ConsensusDecision decision(ResultSet rs) throws SQLException {
    Integer ss = nullableInt(rs, "span_start");
    Integer se = nullableInt(rs, "span_end");
    String newCat = rs.getString("new_category_id");
    boolean side = rs.getBoolean("taken_present");
    Optional<Boolean> takenPresent = rs.wasNull() ? Optional.empty() : Optional.of(side);
    return new ConsensusDecision(rs.getString("disagreement_id"), UUID.fromString(rs.getString("document_id")),
        rs.getInt("unit_start"), rs.getInt("unit_end"), UUID.fromString(rs.getString("category_id")),
        ConsensusDecision.Kind.parse(rs.getString("decision")), Optional.ofNullable(rs.getString("taken_coder")),
        takenPresent, Optional.ofNullable(ss), Optional.ofNullable(se), Optional.ofNullable(newCat).map(UUID::fromString),
        rs.getString("rationale"), rs.getString("decided_by"), Instant.parse(rs.getString("decided_at")));
  }
}
