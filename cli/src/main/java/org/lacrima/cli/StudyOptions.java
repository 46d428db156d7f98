package org.lacrima.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lacrima.core.agreement.study.AgreementRequest;
import org.lacrima.core.agreement.study.AgreementStudy;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.agreement.study.UnitKind;
import org.lacrima.core.consensus.ConsensusStudy;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.io.text.IcuSentenceSplitter;
import picocli.CommandLine.Option;

/** Which coders, units, documents and categories a study of agreement (or consensus) covers. */
final class StudyOptions {

  @Option(names = "--coders", split = ",", paramLabel = "NAME", description = "Two or more coders.")
  List<String> coders = new ArrayList<>();

  @Option(names = "--unit", defaultValue = "auto", paramLabel = "KIND",
      description = "turn, meaning-unit, sentence, paragraph, character, maxqda or document (default: turns where "
          + "documents have them, else meaning units, else sentences).")
  String unit;

  @Option(names = "--min-cover", defaultValue = "0", paramLabel = "PERCENT",
      description = "How much of a unit a code must cover to count as present (default: any overlap).")
  int minCover;

  @Option(names = "--overlap", defaultValue = "90", paramLabel = "PERCENT",
      description = "For --unit maxqda: the overlap of two segments, in percent of their union, that makes them agree.")
  int overlap;

  @Option(names = "--documents", split = ",", paramLabel = "NAME", description = "Only these documents.")
  List<String> documents = new ArrayList<>();

  @Option(names = "--where", paramLabel = "VARIABLE=VALUE", description = "Only documents with this variable value (repeatable).")
  Map<String, String> where = new LinkedHashMap<>();

  @Option(names = "--speaker", paramLabel = "LABEL", description = "Only units in turns of this speaker.")
  String speaker;

  @Option(names = "--categories", split = ",", paramLabel = "CATEGORY",
      description = "Only these categories (a group or parent stands for its categories).")
  List<String> categories = new ArrayList<>();

  @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "N", description = "Bootstrap replicates (0: none).")
  int bootstrap;

  @Option(names = "--resample", defaultValue = "unit", paramLabel = "unit|document", description = "What the bootstrap resamples.")
  String resample;

  @Option(names = "--seed", defaultValue = "20260101", paramLabel = "N", description = "The bootstrap's seed.")
  long seed;

  /** The study these options name, collected from the project. */
  StudyData collect(ProjectSession s) {
    return AgreementStudy.collect(s, request(), new IcuSentenceSplitter());
  }

  /** The study named on the command line, else the one the consensus layer was last built for. */
  StudyData collectOrSaved(ProjectSession s) {
    return AgreementStudy.collect(s, coders.isEmpty() ? ConsensusStudy.saved(s) : request(), new IcuSentenceSplitter());
  }

  /**
   * The study the consensus layer was built for. Options, where given, must describe that same study: deciding
   * rebuilds the layer, and rebuilding it for a study other than the saved one would leave the saved study's
   * disagreements and the layer out of step.
   */
  StudyData collectSaved(ProjectSession s) {
    AgreementRequest saved = ConsensusStudy.saved(s);
    if (!coders.isEmpty() && !ConsensusStudy.toJson(request()).equals(ConsensusStudy.toJson(saved))) {
      throw new org.lacrima.core.InputException("the consensus layer was built for another study ("
          + ConsensusStudy.toJson(saved) + "); decide without --coders and the other study options, or rebuild it "
          + "for the new study first with: consensus PROJECT --coders … and those options");
    }
    return AgreementStudy.collect(s, saved, new IcuSentenceSplitter());
  }

  AgreementRequest request() {
    if (coders.isEmpty()) {
      throw new org.lacrima.core.InputException("name the coders to compare: --coders A,B");
    }
    if (!resample.equals("unit") && !resample.equals("document")) {
      throw new org.lacrima.core.InputException("--resample " + resample + ": say unit or document");
    }
    return new AgreementRequest(coders, UnitKind.parse(unit), minCover, overlap, documents, where,
        Optional.ofNullable(speaker), categories, bootstrap, resample.equals("document"), seed);
  }
}
