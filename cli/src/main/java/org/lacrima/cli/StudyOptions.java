package org.lacrima.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lacrima.core.agreement.study.AgreementRequest;
import org.lacrima.core.agreement.study.AgreementStudy;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.agreement.study.UnitKind;
import org.lacrima.core.consensus.ConsensusStudy;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.io.text.IcuSentenceSplitter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which coders, units, documents and categories a study of agreement (or consensus) covers. */
final class StudyOptions {

  @Option(names = "--coders", split = ",", paramLabel = "NAME", description = "Two or more coders.")
  List<String> coders = new ArrayList<>();

  @Option(names = "--unit", defaultValue = "auto", paramLabel = "KIND",
      description = "turn, meaning-unit, sentence, paragraph, character, maxqda, document, or auto (the default: "
          + "turns where every document has them, else meaning units where every one has them, else sentences). "
          + "A consensus layer is built over units (not character or maxqda).")
  String unit;

  @Option(names = "--min-cover", defaultValue = "0", paramLabel = "PERCENT",
      description = "How much of a unit a code must cover to count as present, in whole percent, 0 to 100 (default: "
          + "any overlap).")
  int minCover;

  @Option(names = "--documents", split = ",", paramLabel = "NAME", description = "Only these documents.")
  List<String> documents = new ArrayList<>();

  // read as a list (NameValues)
  @Option(names = "--where", paramLabel = "VARIABLE=VALUE", description = "Only documents with this variable value (repeatable).")
  List<String> whereArgs = new ArrayList<>();

  /** The --where filters by variable; a variable named twice is refused, as a document has one value of it. */
  Map<String, String> where() {
    return NameValues.parse("--where", whereArgs, "orientation=PDT", (variable, first, second) -> "--where names "
        + variable + " twice (" + first + " and " + second + "); a document has one value of it (compare groups of "
        + "documents with --documents, or in separate runs)");
  }

  @Option(names = "--speaker", split = ",", paramLabel = "LABEL",
      description = "Only units in turns of these speakers (the same role may be labelled B in one transcript and "
          + "Therapist in another: --speaker B,Therapist).")
  List<String> speakers = new ArrayList<>();

  @Option(names = "--categories", split = ",", paramLabel = "CATEGORY",
      description = "Only these categories (a group or parent stands for its categories).")
  List<String> categories = new ArrayList<>();

  /** The command these options belong to: its parse result tells an option given from its default. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** The study these options name, collected from the project (figures: the defaults). */
  StudyData collect(ProjectSession s) {
    return collect(s, FigureOptions.DEFAULTS);
  }

  StudyData collect(ProjectSession s, FigureOptions figures) {
    return AgreementStudy.collect(s, request(figures), new IcuSentenceSplitter());
  }

  /**
   * The study a consensus build is for: the one named on the command line, where --unit is left out with the unit
   * the layer was built with (a document without turns imported since must not turn "auto" into sentences); with
   * no study option at all, the saved study again.
   */
  StudyData collectForBuild(ProjectSession s) {
    if (!given()) {
      return AgreementStudy.collect(s, ConsensusStudy.saved(s), new IcuSentenceSplitter());
    }
    return AgreementStudy.collect(s, withSavedUnit(s, request(FigureOptions.DEFAULTS)), new IcuSentenceSplitter());
  }

  /** The request with the unit the layer was built with, where --unit was left out and a layer was built. */
  private AgreementRequest withSavedUnit(ProjectSession s, AgreementRequest asked) {
    if (command.commandLine().getParseResult().hasMatchedOption("--unit") || s.consensus().study().isEmpty()) {
      return asked;
    }
    AgreementRequest saved = ConsensusStudy.saved(s);
    return new AgreementRequest(asked.coders(), saved.unit(), asked.minCoverPercent(), asked.overlapPercent(),
        asked.documents(), asked.where(), asked.speakers(), asked.categories(), asked.replicates(),
        asked.resampleDocuments(), asked.seed());
  }

  /** The study named on the command line, else the one the consensus layer was last built for. */
  StudyData collectOrSaved(ProjectSession s) {
    return given() ? collectSaved(s) : AgreementStudy.collect(s, ConsensusStudy.saved(s), new IcuSentenceSplitter());
  }

  /**
   * The study the consensus layer was built for. Options, where given, must describe that same study: deciding
   * rebuilds the layer, and rebuilding it for a study other than the saved one would leave the saved study's
   * disagreements and the layer out of step.
   */
  StudyData collectSaved(ProjectSession s) {
    AgreementRequest saved = ConsensusStudy.saved(s);
    StudyData data = AgreementStudy.collect(s, saved, new IcuSentenceSplitter());
    if (given()) {
      if (coders.isEmpty()) {
        throw new org.lacrima.core.InputException("name the whole study the consensus layer was built for ("
            + describe(s, saved) + "), or none of its options");
      }
      // consensus takes no maxqda units, so the saved overlap is whatever it was then and means nothing
      AgreementRequest asked = withSavedUnit(s, request(new FigureOptions(saved.overlapPercent())));
      // compared as kept: the unit "auto" chose, documents and categories however they were named
      StudyData askedData = AgreementStudy.collect(s, asked, new IcuSentenceSplitter());
      if (!comparable(ConsensusStudy.settled(s, askedData), askedData)
          .equals(comparable(ConsensusStudy.settled(s, data), data))) {
        throw new org.lacrima.core.InputException("the consensus layer was built for another study ("
            + describe(s, saved) + "); leave out --coders and the other study options, or rebuild the layer for the "
            + "new study first with: consensus PROJECT --coders … and those options");
      }
    }
    return data;
  }

  /**
   * A study as compared with another: the coders in any order are the same coders, and the documents are those the
   * filters chose, however --where was spelt or ordered (orientation=KVT is orientation=CBT).
   */
  private static String comparable(AgreementRequest r, StudyData data) {
    List<String> documents = data.documents().stream().map(d -> d.name()).sorted().toList();
    return ConsensusStudy.toJson(new AgreementRequest(r.coders().stream().sorted().toList(), r.unit(),
        r.minCoverPercent(), r.overlapPercent(), documents, java.util.Map.of(), r.speakers(), r.categories(),
        r.replicates(), r.resampleDocuments(), r.seed()));
  }

  /** Whether any of these options was given on the command line. */
  private boolean given() {
    var parsed = command.commandLine().getParseResult();
    return java.util.stream.Stream.of("--coders", "--unit", "--min-cover", "--documents", "--where", "--speaker",
        "--categories").anyMatch(parsed::hasMatchedOption);
  }

  /** A study in words, for messages; categories kept by id are named by their paths. */
  static String describe(ProjectSession s, AgreementRequest r) {
    var system = s.categories().current();
    List<String> named = r.categories().stream().map(c -> {
      try {
        return system.path(system.resolve(c).id());
      } catch (org.lacrima.core.InputException e) {
        return c;
      }
    }).toList();
    return describe(new AgreementRequest(r.coders(), r.unit(), r.minCoverPercent(), r.overlapPercent(), r.documents(),
        r.where(), r.speakers(), named, r.replicates(), r.resampleDocuments(), r.seed()));
  }

  private static String describe(AgreementRequest r) {
    List<String> parts = new ArrayList<>();
    parts.add("--coders " + String.join(",", r.coders()));
    parts.add("--unit " + r.unit().code());
    if (r.minCoverPercent() > 0) {
      parts.add("--min-cover " + r.minCoverPercent());
    }
    if (!r.documents().isEmpty()) {
      parts.add("--documents " + String.join(",", r.documents()));
    }
    r.where().forEach((k, v) -> parts.add("--where " + k + "=" + v));
    if (!r.speakers().isEmpty()) {
      parts.add("--speaker " + org.lacrima.store.ProjectLocation.shellWord(String.join(",", r.speakers())));
    }
    if (!r.categories().isEmpty()) {
      parts.add("--categories " + r.categories().stream().map(c -> c.contains(",") || c.contains(" ") ? "\"" + c + "\""
          : c).collect(java.util.stream.Collectors.joining(",")));
    }
    return String.join(" ", parts);
  }

  AgreementRequest request(FigureOptions figures) {
    if (coders.isEmpty()) {
      throw new org.lacrima.core.InputException("name the coders to compare: --coders A,B");
    }
    return new AgreementRequest(coders, UnitKind.parse(unit), minCover, figures.overlap, documents, where(),
        speakers, categories, figures.bootstrap, figures.resampleDocuments(), figures.seed);
  }
}
