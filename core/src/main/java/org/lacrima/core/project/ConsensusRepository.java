package org.lacrima.core.project;

import java.util.List;
import java.util.Optional;
import org.lacrima.core.consensus.ConsensusDecision;

/** The decisions a team took on disagreements. */
public interface ConsensusRepository {

  /**
   * Records a decision; a disagreement decided before keeps the later decision, and the one it replaces is kept
   * among the replaced ones and returned.
   */
  Optional<ConsensusDecision> save(ConsensusDecision decision);

  /** The decisions later ones replaced, oldest first, with when they were replaced. */
  List<Replaced> replaced();

  /** A decision a later one on the same disagreement replaced, and when. */
  record Replaced(ConsensusDecision decision, java.time.Instant replacedAt) {
  }

  Optional<ConsensusDecision> byDisagreement(String id);

  List<ConsensusDecision> all();

  /** Remembers the study (as {@link org.lacrima.core.consensus.ConsensusStudy} JSON) the layer was built for. */
  void saveStudy(String study, String who, java.time.Instant at);

  /** The study the consensus layer was last built for. */
  Optional<String> study();

  /** Forgets the study the layer was built for (the layer is dropped; its decisions stay). */
  void forgetStudy();
}
