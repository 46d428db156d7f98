package org.lacrima.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.lacrima.core.text.Counted;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.consensus.Consensus;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.consensus.ConsensusDecision;
import org.lacrima.core.consensus.ConsensusStudy;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.io.csv.CsvTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "consensus",
    header = "Build the consensus layer from the coders' layers and list the disagreements to decide.",
    description = {
    "Build the consensus layer (a coder named \"consensus\") from the coders' layers: what they agree on is carried",
    "over; every disagreement is listed with each coder's version until the team decides it (consensus decide)."},
    subcommands = {ConsensusCommand.Decide.class, ConsensusCommand.Status.class, ConsensusCommand.Drop.class})
final class ConsensusCommand implements Callable<Integer> {

  // not the ProjectOptions mixin: a required PROJECT here would be demanded before "status PROJECT" too
  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
      description = "The project: a file such as study.lacrima, or with --db the project's name on the server.")
  String projectName;

  @Option(names = "--db", paramLabel = "URL", description = "A PostgreSQL server holding the project (see init --help).")
  String db;

  @Mixin
  StudyOptions study;

  @Mixin
  Actor actor;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (projectName == null) {
      throw new InputException("name the project: consensus PROJECT --coders A,B (or consensus status PROJECT; "
          + "consensus PROJECT alone rebuilds the layer for the study it was built for)");
    }
    try (ProjectStore store = ProjectOptions.open(projectName, db, spec)) {
      List<String> notes = new ArrayList<>();
      Built result = store.write(s -> {
        StudyData data = study.collectForBuild(s);
        notes.addAll(data.notes());
        // a coder "Consensus" of the team's own is another coder than the layer, though it reads as the same
        org.lacrima.core.text.Names.lookAlikes(Consensus.LAYER, s.coders().list().stream()
            .map(org.lacrima.core.coding.Coder::name).toList()).forEach(other -> notes.add("the coder \"" + other
                + "\" is not the consensus layer, which is always \"" + Consensus.LAYER + "\": two coders whose names "
                + "differ only in case or in characters that do not show"));
        Optional<String> before = s.consensus().study().isPresent()
            ? Optional.of(StudyOptions.describe(s, ConsensusStudy.saved(s))) : Optional.empty();
        // built first: the build reads how the study saved before it marked the layer's codings
        Consensus.Status built = Consensus.build(s, data);
        var settled = ConsensusStudy.settled(s, data);
        s.consensus().saveStudy(ConsensusStudy.toJson(settled), actor.name(), Instant.now());
        String now = StudyOptions.describe(s, settled);
        // options left out take their defaults, not the earlier study's (only --unit is kept): said, as a rebuild
        // naming the coders alone would otherwise drop a --min-cover or a filter unnoticed
        before.filter(b -> !b.equals(now)).ifPresent(b -> notes.add("the layer was built for another study before ("
            + b + "); its decisions are kept and apply again when that study is built again"));
        return new Built(built, now);
      });
      Consensus.Status status = result.status();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Consensus layer \"%s\" (%s): %s carried over; %,d of %s decided.%n", Consensus.LAYER, result.study(),
          Counted.of(status.agreedPresent(), "agreed code"), status.resolved(),
          Counted.of(status.disagreements(), "disagreement"));
      notes.forEach(n -> out.println("note: " + n));
      if (status.removedOutside() > 0) {
        out.printf("%,d coding%s of an earlier build outside this study %s taken off the layer (their decisions are "
            + "kept and apply again when that study is built again)%n", status.removedOutside(),
            status.removedOutside() == 1 ? "" : "s", status.removedOutside() == 1 ? "was" : "were");
      }
      for (Consensus.Disagreement d : status.open()) {
        print(d, out);
      }
      clashes(status.clashes(), out);
      contradictions(status.contradictions(), out);
      unapplied(status.unapplied(), out);
      if (!status.open().isEmpty()) {
        out.println("Decide each with: " + Lacrima.command() + " consensus decide "
            + ProjectOptions.inHint(projectName, db)
            + " ID --take CODER|--both|--neither|--span START..END --category C --why \"…\"");
      }
    }
    return 0;
  }

  /** A build and the study it was made for, in words. */
  private record Built(Consensus.Status status, String study) {
  }

  /** Decisions that together give one unit two categories of an exclusive group: the layer is not complete. */
  static void clashes(List<Consensus.ExclusiveClash> clashes, PrintWriter out) {
    for (Consensus.ExclusiveClash c : clashes) {
      // each code by the decision that put it there, so that the team knows which to decide again
      out.printf("%s %d..%d: the consensus holds %s, %s of the exclusive group \"%s\", which allows one; decide on "
          + "all but one of them again (consensus decide ID; a decision replaces an earlier one on the same code)%n",
          c.unit().documentName(), c.unit().start(), c.unit().end(), String.join(" and ", c.held().stream()
              .map(h -> h.category() + h.disagreement().map(id -> " (" + id + ")").orElse(" (agreed by the coders)"))
              .toList()), c.held().size() == 2 ? "two" : c.held().size() + " categories", c.group());
    }
  }

  /** Decisions of which one puts back on a unit what another kept off it: the layer is not complete. */
  static void contradictions(List<Consensus.Contradiction> contradictions, PrintWriter out) {
    for (Consensus.Contradiction c : contradictions) {
      out.printf("%s %d..%d: the consensus holds %s by the new version of %s, though the decision on %s keeps %s off "
          + "this unit; decide one of the two again (a new version on %s gives %s the span meant)%n",
          c.unit().documentName(), c.unit().start(), c.unit().end(), c.category(), c.puttingBack(), c.keepingOff(),
          c.category(), c.keepingOff(), c.category());
    }
  }

  static void unapplied(List<Consensus.Unapplied> unapplied, PrintWriter out) {
    List<Consensus.Unapplied> gaveWay = unapplied.stream().filter(u -> u.gaveWayTo().isPresent()).toList();
    List<ConsensusDecision> nowhere = unapplied.stream().filter(u -> u.gaveWayTo().isEmpty())
        .map(Consensus.Unapplied::decision).toList();
    int g = gaveWay.size();
    if (g > 0) {
      // two decisions a merge brought onto one disagreement: the later stands, which the team may not have meant
      out.printf("%s taken before a merge met a later one on the same disagreement and gave way to it; decide that "
          + "one again if the later is not what the team means:%n", Counted.of(g, "decision"));
      gaveWay.stream().limit(20).forEach(u -> out.printf("  %s  %s, %s  (now %s: %s)%n", u.decision().disagreement(),
          described(u.decision()), shown(u.decision().rationale()), u.gaveWayTo().get().disagreement(),
          described(u.gaveWayTo().get())));
      if (g > 20) {
        out.printf("  … and %,d more%n", g - 20);
      }
    }
    int n = nowhere.size();
    if (n > 0) {
      out.printf("%,d earlier decision%s settle%s no disagreement of this study now (the coders' codings changed, a "
          + "category was split or taken back, or the study compares other coders, units or documents): kept, but applied "
          + "nowhere (a version taken from a coder who has changed sides since is not turned round):%n", n,
          n == 1 ? "" : "s", n == 1 ? "s" : "");
      // who decided and when: a decision applied nowhere is one the team may want to take again
      nowhere.stream().limit(20).forEach(d -> out.printf("  %s  %s, %s  (%s, %s)%n", d.disagreement(), described(d),
          shown(d.rationale()), shown(d.decidedBy()), Console.WHEN.format(d.decidedAt())));
      if (n > 20) {
        out.printf("  … and %,d more%n", n - 20);
      }
    }
  }

  /** The decisions a standing one replaced, each with who took it, when and why, under it. */
  private static void printReplaced(List<org.lacrima.core.project.ConsensusRepository.Replaced> replaced,
      PrintWriter out) {
    for (var r : replaced) {
      out.printf("    replaced: %s by %s, %s: %s%n", described(r.decision()), shown(r.decision().decidedBy()),
          Console.WHEN.format(r.decision().decidedAt()), shown(r.decision().rationale()));
    }
  }

  /**
   * A rationale or name as listed: each further line indented under the first, so that no line of it can pass for
   * a line of the listing (a decision, a disagreement) of its own.
   */
  static String shown(String text) {
    return Console.indented(text, "          ");
  }

  private static String described(ConsensusDecision d) {
    return d.kind().code() + d.takenCoder().map(c -> " " + c).orElse("");
  }

  /** The text of a span within the disputed unit (offsets in code points from the start of the document). */
  private static String codedText(Consensus.Disagreement d, int[] span) {
    String unit = d.unitText();
    int length = unit.codePointCount(0, unit.length());
    int from = Math.max(0, Math.min(length, span[0] - d.unit().start()));
    int to = Math.max(from, Math.min(length, span[1] - d.unit().start()));
    return unit.substring(unit.offsetByCodePoints(0, from), unit.offsetByCodePoints(0, to)).strip();
  }

  static void print(Consensus.Disagreement d, PrintWriter out) {
    out.printf("%s  %s %d..%d  %s%n", d.id(), d.unit().documentName(), d.unit().start(), d.unit().end(), d.categoryPath());
    out.println("    unit: " + UnitsCommand.excerpt(d.unitText()));
    // what each coder marked, in words: the unit's first line alone often does not show it (a long turn, a document)
    d.presentBy().forEach((coder, spans) -> out.println("    " + coder + ": " + coded(d, spans)));
    int unitLength = d.unit().end() - d.unit().start();
    d.absentBy().forEach(coder -> out.println("    " + coder + ": " + Optional.ofNullable(d.belowCoverBy().get(coder))
        .map(spans -> coded(d, spans) + ", " + percent(spans, unitLength)
            + " of the unit: below --min-cover, so absent")
        .orElse("not coded")));
    d.exclusiveGroup().ifPresent(g -> out.println("    every coder gave it, but the exclusive group \"" + g
        + "\" allows one of its categories here, and another was agreed too"));
  }

  private static String coded(Consensus.Disagreement d, List<int[]> spans) {
    return "coded " + spans.stream().map(x -> x[0] + ".." + x[1] + " \"" + UnitsCommand.excerpt(codedText(d, x)) + "\"")
        .toList();
  }

  /** How much of a unit the spans cover, as --min-cover counts it, rounded down (just short of 50 % is not 50 %). */
  private static String percent(List<int[]> spans, int unitLength) {
    long covered = spans.stream().mapToLong(x -> x[1] - x[0]).sum();
    return unitLength == 0 ? "all" : (covered * 100 / unitLength) + " %";
  }

  @Command(name = "decide",
    header = "Record how a disagreement is settled (take a version, both, neither, or a new span).",
    description = {
      "Record how a disagreement is settled, with a rationale: take one coder's version, both, neither,",
      "or a new span and category. --from FILE.csv decides many (columns id, decision, coder, start, end,",
      "category, rationale (or why, or reason); decision: take, both, neither or new)."})
  static final class Decide implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Mixin
    StudyOptions study;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID",
        description = "The disagreement, as listed by consensus (D and ten hex digits).")
    String id;

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
      @Option(names = "--take", paramLabel = "CODER", description = "Keep this coder's version (present or absent).")
      String take;

      @Option(names = "--both",
          description = "Keep the category, on every coder's spans of it in the unit (also those below --min-cover).")
      boolean both;

      @Option(names = "--neither", description = "Keep the category off this unit.")
      boolean neither;

      @Option(names = "--span", paramLabel = "START..END", description = "A new version: this span, within the "
          + "disputed unit, in code points from the start of the document (as the listing shows the unit's); "
          + "with --category.")
      String span;
    }

    @Option(names = "--category", paramLabel = "CATEGORY", description = "With --span: the category of the new version.")
    String category;

    @Option(names = "--from", paramLabel = "FILE.csv", description = "Decide many at once; one bad row refuses the file.")
    Path file;

    @Option(names = "--why", paramLabel = "TEXT", description = "The rationale, kept with the decision (with --from: "
        + "of the rows that give none).")
    String why;

    @Mixin
    Actor actor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      String who = actor.name();
      Instant now = Instant.now();
      List<ConsensusDecision> replaced = new ArrayList<>();
      List<ConsensusDecision> repeated = new ArrayList<>();
      List<String> unreadColumns = new ArrayList<>();
      List<String> uncompared = new ArrayList<>();
      List<String> partlyCoded = new ArrayList<>();
      try (ProjectStore store = project.open()) {
        Consensus.Status status = store.write(s -> {
          StudyData data = study.collectSaved(s);
          uncompared.addAll(data.uncompared());
          partlyCoded.addAll(data.partlyCoded());
          Map<String, Consensus.Disagreement> disagreements = Consensus.byId(s, data);
          if (file != null) {
            if (id != null || choice != null || category != null) {
              // the file's rows are the decisions; one named beside them would be dropped without a word
              throw new InputException("--from " + file + " decides what the file lists; a single decision (ID, --take, "
                  + "--both, --neither, --span, --category) is a command of its own");
            }
            try (CsvTable table = CsvTable.open(file)) {
              table.require("id");
              table.require("decision");
              // the rationale under the name a team may have given its column; without one, --why for every row
              List<String> rationaleColumns = java.util.stream.Stream.of("rationale", "why", "reason")
                  .filter(table::has).toList();
              if (rationaleColumns.size() > 1) {
                // which of two rationales the team meant to keep, the file does not say
                throw new InputException(file.toString(), "line 1", "has " + rationaleColumns.size() + " columns for "
                    + "the rationale (" + String.join(", ", rationaleColumns) + "); keep one of them");
              }
              String rationaleColumn = rationaleColumns.isEmpty() ? "rationale" : rationaleColumns.get(0);
              if (!table.has(rationaleColumn) && org.lacrima.core.text.Names.saysNothing(why)) {
                throw new InputException(file.toString(), "line 1", "has no column rationale (its columns: "
                    + String.join(", ", table.columns()) + "), and no --why gives one for every row; each decision is "
                    + "kept with why it was taken");
              }
              for (String column : table.columns()) {
                if (!DECISION_COLUMNS.contains(column) && (org.lacrima.io.csv.CodingsCsv.likeAMemo(column)
                    || LIKE_A_RATIONALE.stream().anyMatch(column::contains))) {
                  // read as nothing, a team's reasons would give way to --why without a word
                  throw new InputException(file.toString(), "line 1", "has a column \"" + table.spelling(column)
                      + "\", which is not read: a decision's reason stands in the column rationale (or why, or "
                      + "reason); rename it");
                }
              }
              table.columns().stream().filter(c -> !DECISION_COLUMNS.contains(c)).map(table::spelling)
                  .forEach(unreadColumns::add);
              Map<String, Long> seen = new java.util.HashMap<>();
              for (Iterator<CsvTable.Row> it = table.rows(); it.hasNext(); ) {
                CsvTable.Row r = it.next();
                Long earlier = seen.putIfAbsent(r.get("id").strip().toUpperCase(java.util.Locale.ROOT), r.line());
                if (earlier != null) {
                  // which of two decisions on one disagreement the team meant, the file does not say
                  throw new InputException(file.toString(), "line " + r.line(), r.get("id").strip()
                      + " is decided on line " + earlier + " already");
                }
                try {
                  String rationale = org.lacrima.core.text.Names.saysNothing(r.get(rationaleColumn)) && why != null ? why
                      : r.get(rationaleColumn);
                  recorded(decide(s, data, disagreements, r.get("id").strip(), r.get("decision").strip(),
                      r.get("coder"), r.get("start"), r.get("end"), r.get("category"), rationale, who, now), replaced,
                      repeated);
                } catch (InputException e) {
                  throw new InputException(file.toString(), "line " + r.line(), e.getMessage(), e);
                }
              }
              if (seen.isEmpty()) {
                // a file cut short or an export of the wrong table would otherwise report success
                throw new InputException(file.toString(), "line 1", "has a header and no decisions below it");
              }
            }
          } else {
            if (id == null || choice == null) {
              throw new InputException("name the disagreement and the decision (--take, --both, --neither or --span), or give --from FILE.csv");
            }
            if (category != null && choice.span == null) {
              throw new InputException("--category goes with --span (a new version); the other decisions keep the "
                  + "disputed category");
            }
            String kind = choice.take != null ? "take" : choice.both ? "both" : choice.neither ? "neither" : "new";
            String[] span = choice.span == null ? new String[] {"", ""} : choice.span.split("\\.\\.", 2);
            recorded(decide(s, data, disagreements, id, kind, Optional.ofNullable(choice.take).orElse(""), span[0],
                span.length > 1 ? span[1] : "", Optional.ofNullable(category).orElse(""), why, who, now), replaced,
                repeated);
          }
          // decisions change no coder's codings: the study collected above still holds
          return Consensus.build(s, data);
        });
        PrintWriter out = spec.commandLine().getOut();
        if (!unreadColumns.isEmpty()) {
          out.println("Note: not read, as no part of a decision stands there: the column"
              + (unreadColumns.size() == 1 ? " " : "s ") + CsvTable.listed(unreadColumns) + ".");
        }
        for (ConsensusDecision r : replaced) {
          // a team's earlier judgement is not overwritten unsaid; the store keeps it among the replaced decisions
          out.printf("%s: replaces the decision of %s (%s): %s%n", r.disagreement(), shown(r.decidedBy()),
              Console.WHEN.format(r.decidedAt()), described(r) + ", " + shown(r.rationale()));
        }
        // the same decision again records nothing: the one taken first stands with its who and when, and says so
        if (repeated.size() > 5) {
          out.printf("%s repeat the standing ones (the same decision and rationale), kept as they were: %s, …%n",
              Counted.of(repeated.size(), "decision"),
              String.join(", ", repeated.stream().limit(5).map(ConsensusDecision::disagreement).toList()));
        } else {
          for (ConsensusDecision r : repeated) {
            out.printf("%s: decided so already by %s (%s), with the same rationale; kept as it was%n", r.disagreement(),
                shown(r.decidedBy()), Console.WHEN.format(r.decidedAt()));
          }
        }
        out.printf("%,d of %s decided%s.%n", status.resolved(), Counted.of(status.disagreements(), "disagreement"),
            !status.complete() ? "" : !uncompared.isEmpty() ? "; but " + Counted.of(uncompared.size(),
                "coded document") + " of the study " + (uncompared.size() == 1 ? "has" : "have") + " no units of its "
                + "kind and " + (uncompared.size() == 1 ? "is" : "are") + " in no disagreement (consensus status says "
                + "which)"
                : !partlyCoded.isEmpty() ? "; but in " + Counted.of(partlyCoded.size(), "document") + " of the study "
                    + "some coders have no coding, and the others' codings there are in no disagreement (consensus "
                    + "status says which)"
                : "; the consensus layer is complete");
        clashes(status.clashes(), out);
        contradictions(status.contradictions(), out);
        unapplied(status.unapplied(), out);
      }
      return 0;
    }

    /** The columns a decisions file is read by. */
    private static final java.util.Set<String> DECISION_COLUMNS = java.util.Set.of("id", "decision", "coder", "start",
        "end", "category", "rationale", "why", "reason");

    /** Words in a column's name that say it holds reasons (besides those of notes and memos). */
    private static final List<String> LIKE_A_RATIONALE = List.of("reason", "rationale", "why", "explanation",
        "justification", "begründung", "grund");

    private static void recorded(Consensus.Recorded r, List<ConsensusDecision> replaced,
        List<ConsensusDecision> repeated) {
      r.replaced().ifPresent(replaced::add);
      r.repeated().ifPresent(repeated::add);
    }

    private static Consensus.Recorded decide(ProjectSession s, StudyData data,
        Map<String, Consensus.Disagreement> disagreements,
        String id, String kind, String coder, String start,
        String end, String category, String rationale, String who, Instant at) {
      ConsensusDecision.Kind k;
      try {
        k = ConsensusDecision.Kind.parse(kind);
      } catch (IllegalArgumentException e) {
        throw new InputException("decision \"" + kind + "\": say take, both, neither or new");
      }
      Optional<int[]> span = Optional.empty();
      Optional<UUID> cat = Optional.empty();
      if (k == ConsensusDecision.Kind.NEW) {
        try {
          span = Optional.of(new int[] {Integer.parseInt(start.strip()), Integer.parseInt(end.strip())});
        } catch (NumberFormatException e) {
          throw new InputException("a new version needs a span START..END in code points");
        }
        if (category.isBlank()) {
          throw new InputException("a new version needs a category (--category, or the column category)");
        }
        cat = Optional.of(s.categories().current().resolve(category).id());
      } else if (!start.isBlank() || !end.isBlank() || !category.isBlank()) {
        // a row filled in for two kinds of decision: which one the team meant, it does not say
        throw new InputException("a \"" + kind + "\" decision keeps the disputed span and category; start, end and "
            + "category belong to a new version");
      }
      if (k != ConsensusDecision.Kind.TAKE && !coder.isBlank()) {
        throw new InputException("a \"" + kind + "\" decision names no coder; the coder belongs to take");
      }
      if (k == ConsensusDecision.Kind.TAKE && coder.isBlank()) {
        throw new InputException("taking a version names the coder");
      }
      return Consensus.decide(s, data, disagreements, id, k,
          k == ConsensusDecision.Kind.TAKE ? Optional.of(coder.strip()) : Optional.empty(), span, cat,
          rationale == null ? "" : rationale, who, at);
    }
  }

  @Command(name = "drop", description = {
      "Drop the consensus layer: the codings its builds made and the units they judged go; the decisions stay",
      "and apply again when the layer is built again. A note on the project keeps who, when and why."})
  static final class Drop implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Mixin
    ChangeOptions change;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ProjectStore store = project.open()) {
        var by = change.attribution();
        ConsensusLayer.Dropped d = store.write(s -> ConsensusLayer.drop(s, by.why(), by.who(), by.at()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Dropped the consensus layer: %s of its builds taken off; %s kept (they apply again when it is "
            + "built again: consensus PROJECT --coders …).%n", Counted.of(d.codings(), "coding"),
            Counted.of(d.decisions(), "decision"));
        if (d.keptByHand() > 0) {
          out.printf("%s given the coder \"%s\" by hand %s kept.%n", Counted.of(d.keptByHand(), "coding"),
              Consensus.LAYER, d.keptByHand() == 1 ? "was" : "were");
        }
      }
      return 0;
    }
  }

  @Command(name = "status", description = "How many disagreements are decided (n of m), and which are still open.")
  static final class Status implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Mixin
    StudyOptions study;

    @Option(names = "--decided", description = "Also list every decision that settles a disagreement: what, who, when "
        + "and why, and the decisions it replaced.")
    boolean decided;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ProjectStore store = project.open()) {
        if (decided && study.coders.isEmpty() && store.read(s -> s.consensus().study().isEmpty()
            && !s.consensus().all().isEmpty())) {
          onRecord(store);
          return 0;
        }
        List<Consensus.ExclusiveClash> clashes = new ArrayList<>();
        List<Consensus.Contradiction> contradictions = new ArrayList<>();
        List<Consensus.Unapplied> unapplied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<org.lacrima.core.project.ConsensusRepository.Replaced>> replaced = new java.util.HashMap<>();
        // the category a "new" decision puts on the unit, by its path: the record names what was decided
        Map<java.util.UUID, String> newCategories = new java.util.HashMap<>();
        List<Consensus.Disagreement> all = store.read(s -> {
          replaced.putAll(Consensus.replaced(s));
          StudyData data = study.collectOrSaved(s);
          notes.addAll(data.notes());
          Consensus.outOfDate(s, data).ifPresent(notes::add);
          ConsensusLayer.notBuiltNote(ConsensusLayer.notBuilt(s)).ifPresent(notes::add);
          List<Consensus.Disagreement> found = Consensus.toSettle(s, data);
          var system = s.categories().current();
          found.stream().flatMap(d -> d.decision().flatMap(ConsensusDecision::newCategory).stream())
              .forEach(id -> newCategories.put(id, system.contains(id) ? system.path(id) : id.toString()));
          clashes.addAll(Consensus.clashes(s, data, found));
          contradictions.addAll(Consensus.contradictions(s, found));
          unapplied.addAll(Consensus.unapplied(s, found));
          return found;
        });
        long resolved = all.stream().filter(d -> d.decision().isPresent()).count();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%,d of %s decided.%n", resolved, Counted.of(all.size(), "disagreement"));
        notes.forEach(n -> out.println("note: " + n));
        clashes(clashes, out);
        contradictions(contradictions, out);
        unapplied(unapplied, out);
        Map<String, Long> byKind = new java.util.TreeMap<>();
        all.stream().filter(d -> d.decision().isPresent())
            .forEach(d -> byKind.merge(d.decision().get().kind().code(), 1L, Long::sum));
        if (!byKind.isEmpty()) {
          out.println("Decisions: " + String.join(", ", byKind.entrySet().stream()
              .map(e -> e.getValue() + " " + e.getKey()).toList()));
        }
        if (decided) {
          // the record a reviewer may ask for: every settled disagreement with who decided it, when and why
          all.stream().filter(d -> d.decision().isPresent()).forEach(d -> {
            ConsensusDecision c = d.decision().get();
            printDecision(d.id(), d.unit().documentName(), d.categoryPath(), c, newCategories, out);
            printReplaced(replaced.getOrDefault(c.disagreement(), List.of()), out);
          });
        }
        all.stream().filter(d -> d.decision().isEmpty()).forEach(d -> print(d, out));
      }
      return 0;
    }

    /**
     * The decisions of a dropped layer: with no study to match them to, still the record a reviewer may ask for,
     * each with who took it, when and why, and what it replaced.
     */
    private void onRecord(ProjectStore store) {
      List<ConsensusDecision> kept = new ArrayList<>();
      // by the id each was taken under: the layer is gone, so no merge since is followed to a disagreement of now
      Map<String, List<org.lacrima.core.project.ConsensusRepository.Replaced>> replaced = new java.util.HashMap<>();
      Map<java.util.UUID, String> documents = new java.util.HashMap<>();
      Map<java.util.UUID, String> paths = new java.util.HashMap<>();
      store.read(s -> {
        kept.addAll(s.consensus().all());
        s.consensus().replaced().forEach(r -> replaced.computeIfAbsent(r.decision().disagreement(),
            k -> new ArrayList<>()).add(r));
        s.documents().list().forEach(d -> documents.put(d.id(), d.name()));
        var system = s.categories().current();
        kept.forEach(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.category()),
            c.newCategory().stream()).forEach(id -> paths.put(id, system.contains(id) ? system.path(id)
                : id.toString())));
        return null;
      });
      PrintWriter out = spec.commandLine().getOut();
      out.printf("The consensus layer was dropped; %s on record, applying again where their disagreements return "
          + "when it is built again (consensus PROJECT --coders …):%n", Counted.of(kept.size(), "decision"));
      for (ConsensusDecision c : kept) {
        printDecision(c.disagreement(), documents.getOrDefault(c.document(), c.document().toString()),
            paths.get(c.category()), c, paths, out);
        printReplaced(replaced.getOrDefault(c.disagreement(), List.of()), out);
      }
    }

    /**
     * One settled disagreement as the record lists it: where, on which category, and the decision with who took it,
     * when and why; {@code paths} names the category a new version gives.
     */
    private static void printDecision(String id, String document, String categoryPath, ConsensusDecision c,
        Map<java.util.UUID, String> paths, PrintWriter out) {
      out.printf("%s  %s %d..%d  %s%n    decided: %s by %s, %s: %s%n", id, shown(document), c.unitStart(),
          c.unitEnd(), shown(categoryPath), described(c) + c.spanStart().map(a -> " " + a + ".."
              + c.spanEnd().orElseThrow()).orElse("") + c.newCategory().map(n -> " as \""
              + shown(paths.getOrDefault(n, n.toString())) + "\"").orElse(""), shown(c.decidedBy()),
          Console.WHEN.format(c.decidedAt()), shown(c.rationale()));
    }
  }
}
