package org.lacrima.core.consensus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lacrima.core.Ids;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.ReliabilityData;
import org.lacrima.core.agreement.UnitProfiles;
import org.lacrima.core.agreement.study.SpanSet;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.agreement.study.StudyUnit;
import org.lacrima.core.agreement.study.UnitKind;
import org.lacrima.core.agreement.study.Variable;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategoryState;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.text.Counted;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.DocumentText;

/**
 * The consensus layer: a coder named "consensus" whose codings are what the coders agreed on (an
 * agreed code takes the union of their spans within the unit), plus what the team decided where
 * they disagreed. It is rebuilt from the coders' layers and the recorded decisions each time, so it
 * always follows both; the decisions themselves are never discarded.
 */
public final class Consensus {

  public static final String LAYER = "consensus";
  /** How the layer's own codings begin their memos: what tells them from codings given the coder by hand. */
  static final String AGREED = "agreed by ";
  static final String DECIDED = "decided (";

  /**
   * One unit and category the coders judged differently, with each coder's version. For the consensus also a code
   * every coder gave but that an exclusive group rules out beside another agreed one ({@code exclusiveGroup}): the
   * coders agreed on something the codebook forbids, and only a decision can settle which stays. {@code belowCoverBy}:
   * those absent under --min-cover who coded part of the unit, with what they coded (their version is "absent", but
   * the span is theirs, and "both" keeps it).
   */
  public record Disagreement(String id, StudyUnit unit, UUID category, String categoryPath,
      Map<String, List<int[]>> presentBy, List<String> absentBy, Map<String, List<int[]>> belowCoverBy,
      String unitText, Optional<ConsensusDecision> decision, Optional<String> exclusiveGroup) {
  }

  /**
   * What a build found: units agreed present, disagreements, how many are decided, the decisions kept that
   * no longer meet a disagreement (the coders' codings changed since, or the category was split), and how many
   * codings of an earlier build for another study it removed outside this one.
   */
  public record Status(long agreedPresent, int disagreements, int resolved, List<Disagreement> open,
      List<Disagreement> all, List<ExclusiveClash> clashes, List<Contradiction> contradictions,
      List<Unapplied> unapplied, int removedOutside) {
    public boolean complete() {
      return resolved == disagreements && clashes.isEmpty() && contradictions.isEmpty();
    }
  }

  /**
   * A recorded decision that settles nothing now, as recorded (its own id). {@code gaveWayTo}: the later decision
   * that stands on the disagreement a merge brought both onto; empty where it meets no disagreement at all.
   */
  public record Unapplied(ConsensusDecision decision, Optional<ConsensusDecision> gaveWayTo) {
  }

  /**
   * A unit where the decisions give the consensus two or more categories of one exclusive group: each decision
   * was taken on one category, and together they break the rule the group stands for.
   */
  public record ExclusiveClash(StudyUnit unit, String group, List<Held> held) {
    public ExclusiveClash {
      held = List.copyOf(held);
    }
  }

  /**
   * One code a clash holds, and the disagreement whose decision put it there; none where the coders agreed on it
   * (then deciding the others settles the clash).
   */
  public record Held(String category, Optional<String> disagreement) {
  }

  /**
   * A unit where one decision puts back what another kept off: a new version on disagreement {@code puttingBack}
   * gives the unit {@code category}, which the decision on that category's own disagreement there,
   * {@code keepingOff}, left out of it (neither, or a take of a coder who did not give it).
   */
  public record Contradiction(StudyUnit unit, String category, String puttingBack, String keepingOff) {
  }

  private Consensus() {
  }

  /** The units where decisions contradict each other so (each pair once), in the order of the disagreements. */
  public static List<Contradiction> contradictions(ProjectSession s, List<Disagreement> disagreements) {
    Map<String, Disagreement> keptOff = new HashMap<>();
    for (Disagreement d : disagreements) {
      if (d.decision().isPresent() && kept(d, d.decision().get()).isEmpty()) {
        keptOff.put(d.unit().index() + "|" + d.category(), d);
      }
    }
    List<Contradiction> out = new ArrayList<>();
    if (keptOff.isEmpty()) {
      return out;
    }
    var system = s.categories().current();
    for (Disagreement d : disagreements) {
      Optional<ConsensusDecision> decision = d.decision().filter(c -> c.kind() == ConsensusDecision.Kind.NEW);
      Optional<UUID> put = decision.flatMap(c -> kept(d, c));
      Disagreement off = put.map(c -> keptOff.get(d.unit().index() + "|" + c)).orElse(null);
      if (off != null && off != d) {
        out.add(new Contradiction(d.unit(), system.contains(put.get()) ? system.get(put.get()).label().english()
            : put.get().toString(), d.id(), off.id()));
      }
    }
    return out;
  }

  /** The disagreements of a study, unit by unit, each with the decision taken on it, if any. */
  public static List<Disagreement> disagreements(ProjectSession s, StudyData data) {
    return disagreements(s, data, Integer.MAX_VALUE);
  }

  /** How many disagreements a study has, without listing them. */
  public static long count(StudyData data) {
    Disagreeing disagreeing = new Disagreeing(data);
    long n = 0;
    for (StudyUnit u : data.units()) {
      n += disagreeing.in(data.profiles().profileOf(u.index())).length;
    }
    return n;
  }

  /** The first {@code limit} disagreements of a study, unit by unit. */
  public static List<Disagreement> disagreements(ProjectSession s, StudyData data, int limit) {
    return disagreements(s, data, limit, false, false);
  }

  /** The disagreements the consensus settles: those of the coders, and agreed codes an exclusive group rules out. */
  public static List<Disagreement> toSettle(ProjectSession s, StudyData data) {
    return disagreements(s, data, Integer.MAX_VALUE, true, false);
  }

  /**
   * The decisions by the disagreement they now settle. A decision taken before its category (or the category of its
   * new version) was merged follows it into the category that took over; where both then have one for a unit, the
   * later stands, as a later decision replaces an earlier one.
   */
  private static Map<String, ConsensusDecision> decisions(ProjectSession s, MessageDigest sha) {
    Map<String, ConsensusDecision> out = new HashMap<>();
    for (Followed f : followingMerges(s, sha)) {
      out.merge(f.now().disagreement(), f.now(), (a, b) -> a.decidedAt().isAfter(b.decidedAt()) ? a : b);
    }
    return out;
  }

  /** A recorded decision and the same decision as it reads now, re-keyed where a merge took its category over. */
  private record Followed(ConsensusDecision recorded, ConsensusDecision now) {
  }

  private static List<Followed> followingMerges(ProjectSession s, MessageDigest sha) {
    var system = s.categories().current();
    java.util.function.UnaryOperator<UUID> survivor = c -> followed(system, c);
    List<Followed> out = new ArrayList<>();
    for (ConsensusDecision d : s.consensus().all()) {
      UUID category = survivor.apply(d.category());
      out.add(new Followed(d, category.equals(d.category()) && d.newCategory().map(survivor).equals(d.newCategory())
          ? d : new ConsensusDecision(id(sha, d.document(), d.unitStart(), d.unitEnd(), category), d.document(),
              d.unitStart(), d.unitEnd(), category, d.kind(), d.takenCoder(), d.takenPresent(), d.spanStart(), d.spanEnd(),
              d.newCategory().map(survivor), d.rationale(), d.decidedBy(), d.decidedAt())));
    }
    return out;
  }

  /** The category that now holds the codings of {@code c}: where merges took them (an unknown id stays as it is). */
  private static UUID followed(CategorySystem system, UUID c) {
    return system.contains(c) ? system.survivor(c) : c;
  }

  /**
   * The decisions later ones replaced, by the disagreement they would settle now: followed into the category a merge
   * gave their category to, as the decisions that replaced them are, so that the record stays beside them.
   */
  public static Map<String, List<org.lacrima.core.project.ConsensusRepository.Replaced>> replaced(ProjectSession s) {
    var system = s.categories().current();
    MessageDigest sha = sha256();
    Map<String, List<org.lacrima.core.project.ConsensusRepository.Replaced>> out = new HashMap<>();
    for (var r : s.consensus().replaced()) {
      ConsensusDecision d = r.decision();
      UUID category = followed(system, d.category());
      String settles = category.equals(d.category()) ? d.disagreement()
          : id(sha, d.document(), d.unitStart(), d.unitEnd(), category);
      out.computeIfAbsent(settles, k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /**
   * {@code settledToo}: also the agreed code of an exclusive group left when the team decided the others away, which
   * needs no decision but may still be given one.
   */
  private static List<Disagreement> disagreements(ProjectSession s, StudyData data, int limit, boolean clashes,
      boolean settledToo) {
    CategorySystem system = s.categories().current();
    Map<UUID, DocumentText> texts = new HashMap<>();
    MessageDigest sha = sha256();
    Map<String, ConsensusDecision> decisions = decisions(s, sha);
    List<Variable> categories = data.variables(Variable.Kind.CATEGORY);
    Map<UUID, List<List<Variable>>> groups = clashes ? exclusiveChildren(s, data) : Map.of();
    UnitProfiles profiles = data.profiles();
    int m = data.coders().size();
    Disagreeing disagreeing = new Disagreeing(data);
    List<Disagreement> out = new ArrayList<>();
    for (StudyUnit u : data.units()) {
      int profile = profiles.profileOf(u.index());
      for (int i : disagreeing.in(profile)) {
        if (out.size() == limit) {
          return out;
        }
        Variable v = categories.get(i);
        Map<String, List<int[]>> present = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        Map<String, List<int[]>> belowCover = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
          Coder coder = data.coders().get(k);
          int value = data.value(u, v, k);
          if (value == 1) {
            present.put(coder.name(), clip(data.spans(u.document(), coder.id(), v.id()), u));
          } else if (value == 0) {
            absent.add(coder.name());
            List<int[]> some = clip(data.spans(u.document(), coder.id(), v.id()), u);
            if (!some.isEmpty()) {
              belowCover.put(coder.name(), some);
            }
          }
        }
        String id = id(sha, u, v.id());
        DocumentText text = texts.computeIfAbsent(u.document(), d -> s.documents().text(d));
        out.add(new Disagreement(id, u, v.id(), v.path(), present, absent, belowCover, text.slice(u.start(), u.end()),
            applying(decisions.get(id), present.keySet(), absent, system), Optional.empty()));
      }
      for (Map.Entry<UUID, List<List<Variable>>> g : groups.entrySet()) {
        List<List<Variable>> agreedByChild = g.getValue().stream()
            .map(child -> child.stream().filter(v -> agreedPresent(data, u, v)).toList())
            .filter(agreedHere -> !agreedHere.isEmpty()).toList();
        if (agreedByChild.size() < 2) {
          continue;
        }
        List<Variable> agreed = agreedByChild.stream().flatMap(List::stream).toList();
        String group = data.variables(Variable.Kind.GROUP).stream().filter(x -> x.id().equals(g.getKey()))
            .map(Variable::label).findFirst().orElseThrow();
        List<Disagreement> items = new ArrayList<>();
        for (Variable v : agreed) {
          Map<String, List<int[]>> present = new LinkedHashMap<>();
          for (int k = 0; k < m; k++) {
            if (data.value(u, v, k) == 1) {
              present.put(data.coders().get(k).name(), clip(data.spans(u.document(), data.coders().get(k).id(), v.id()), u));
            }
          }
          String id = id(sha, u, v.id());
          DocumentText text = texts.computeIfAbsent(u.document(), d -> s.documents().text(d));
          items.add(new Disagreement(id, u, v.id(), v.path(), present, List.of(), Map.of(), text.slice(u.start(), u.end()),
              applying(decisions.get(id), present.keySet(), List.of(), system), Optional.of(group)));
        }
        // once all but one of the codes are decided away, the one left clashes with nothing: it stays as agreed
        long staying = items.stream().filter(d -> d.decision().map(x -> x.kind() != ConsensusDecision.Kind.NEITHER)
            .orElse(true)).count();
        items.stream().filter(d -> settledToo || staying > 1 || d.decision().isPresent()).forEach(out::add);
      }
    }
    return out;
  }

  /**
   * A decision as it applies to a disagreement: one that takes the version of a coder this study does not compare
   * (the study changed its coders since) settles nothing here, and the disagreement stays open.
   */
  private static Optional<ConsensusDecision> applying(ConsensusDecision d, Set<String> present, List<String> absent,
      CategorySystem system) {
    if (d == null || d.kind() == ConsensusDecision.Kind.TAKE && !present.contains(d.takenCoder().orElseThrow())
        && !absent.contains(d.takenCoder().orElseThrow())) {
      return Optional.empty();
    }
    // the coder taken changed sides since: applied now, the decision would do the opposite of what the team decided
    if (d.kind() == ConsensusDecision.Kind.TAKE
        && d.takenPresent().filter(was -> was != present.contains(d.takenCoder().get())).isPresent()) {
      return Optional.empty();
    }
    // a new version on a category taken back since (an undone addition) has nowhere to go, nor on one split since:
    // it takes no new codings, and which part the team meant only the team can say (a merged one was followed to
    // the category that took it over)
    if (d.kind() == ConsensusDecision.Kind.NEW && (!system.contains(d.newCategory().orElseThrow())
        || system.get(d.newCategory().get()).state().status() == CategoryState.Status.SPLIT)) {
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /**
   * Per exclusive group of the study, per child category, the child and its subcategories among the study's category
   * variables: a subcategory answers the group's question with the child above it, as in the agreement study.
   */
  private static Map<UUID, List<List<Variable>>> exclusiveChildren(ProjectSession s, StudyData data) {
    var system = s.categories().current();
    Map<UUID, List<List<Variable>>> out = new LinkedHashMap<>();
    for (Variable g : data.variables(Variable.Kind.GROUP)) {
      out.put(g.id(), subtrees(system, g.id()).stream().map(subtree -> data.variables(Variable.Kind.CATEGORY).stream()
          .filter(v -> subtree.contains(v.id())).toList()).toList());
    }
    return out;
  }

  /** Per child of {@code group}, the ids of the child and of every category below it. */
  private static List<Set<UUID>> subtrees(CategorySystem system, UUID group) {
    // ordered as the tree is, so that a clash names its categories the same way every time
    return system.children(group).stream().<Set<UUID>>map(child -> new java.util.LinkedHashSet<>(
        system.subtree(child.id()).stream().map(Category::id).toList())).toList();
  }

  /**
   * The categories (indices among the category variables) on which the coders of a unit disagree, some marking one
   * present and others absent: worked out once per unit profile, as many units share one.
   */
  private static final class Disagreeing {
    private final UnitProfiles profiles;
    private final int[] variables;
    private final int coders;
    private final int[][] memo;

    Disagreeing(StudyData data) {
      profiles = data.profiles();
      variables = data.variables(Variable.Kind.CATEGORY).stream().mapToInt(Variable::index).toArray();
      coders = data.coders().size();
      memo = new int[profiles.profiles()][];
    }

    int[] in(int profile) {
      if (memo[profile] == null) {
        int[] found = new int[variables.length];
        int n = 0;
        for (int i = 0; i < variables.length; i++) {
          boolean anyPresent = false;
          boolean anyAbsent = false;
          for (int k = 0; k < coders; k++) {
            int value = profiles.valueOfProfile(profile, variables[i], k);
            anyPresent |= value == 1;
            anyAbsent |= value == 0;
          }
          if (anyPresent && anyAbsent) {
            found[n++] = i;
          }
        }
        memo[profile] = java.util.Arrays.copyOf(found, n);
      }
      return memo[profile];
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A disagreement's id: the same unit and category give the same id in every run. */
  static String id(MessageDigest sha, StudyUnit u, UUID category) {
    return id(sha, u.document(), u.start(), u.end(), category);
  }

  private static String id(MessageDigest sha, UUID document, int start, int end, UUID category) {
    byte[] digest = sha.digest((document + "|" + start + "|" + end + "|" + category).getBytes(StandardCharsets.UTF_8));
    return "D" + HexFormat.of().formatHex(digest, 0, 5);
  }

  /**
   * Rebuilds the consensus layer for the study: its codings in the study's documents and categories
   * are replaced by what the coders agree on and what was decided.
   */
  public static Status build(ProjectSession s, StudyData data) {
    if (data.unit() == UnitKind.CHARACTER || data.unit() == UnitKind.MAXQDA) {
      // agreed codes take the coders' union within a unit; with a whole document as the "unit" that union
      // would join spans that have nothing to do with each other
      throw new InputException("consensus is built over units: choose --unit turn, meaning-unit, sentence, paragraph "
          + "or document, not " + data.unit().code());
    }
    if (data.coders().stream().anyMatch(c -> c.name().equals(LAYER))) {
      throw new InputException("the consensus layer cannot be one of the coders it is built from");
    }
    if (data.units().isEmpty()) {
      // rebuilt over nothing, the layer would lose what it holds for no study at all
      throw new InputException("this study has no units" + (data.unit() == UnitKind.MEANING_UNIT
          ? ": its documents have no meaning units yet (lacrima segment PROJECT --by turn|sentence|paragraph)"
          : " (check --documents, --where and --speaker)") + "; the consensus layer was left as it was");
    }
    java.util.function.Predicate<Coding> built = ConsensusLayer.madeByBuild(s);
    Coder layer = s.coders().byName(LAYER).orElseGet(() -> {
      Coder c = new Coder(Ids.next(), LAYER);
      s.coders().add(c);
      return c;
    });
    Set<UUID> categories = new HashSet<>(data.variables().stream().filter(v -> v.kind() == Variable.Kind.CATEGORY)
        .map(Variable::id).toList());
    Set<UUID> documents = new HashSet<>(data.documents().stream().map(d -> d.id()).toList());
    List<UUID> old = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    List<String> noted = new ArrayList<>();
    Set<UUID> outside = new HashSet<>();
    Map<UUID, String> names = new HashMap<>();
    data.documents().forEach(d -> names.put(d.id(), d.name()));
    // under --speaker, the turns of that speaker: a build's coding in another's turn is outside this study
    Map<UUID, List<org.lacrima.core.transcript.Turn>> speakerTurns = new HashMap<>();
    if (!data.request().speakers().isEmpty()) {
      data.documents().forEach(d -> speakerTurns.put(d.id(), s.documents().turns(d.id()).stream()
          .filter(t -> data.request().counts(t.speaker())).toList()));
    }
    for (Coding c : s.codings().byCoder(layer.id())) {
      if (documents.contains(c.document()) && categories.contains(c.category())) {
        old.add(c.id());
        if (!built.test(c) && c.id().equals(ConsensusLayer.builtId(c.document(), c.start(), c.end(), c.category()))) {
          // where a build put it, but with a note an import joined to its memo since
          noted.add(c.id().toString());
        } else if (!built.test(c)) {
          foreign.add(names.get(c.document()) + " " + c.start() + ".." + c.end());
        } else if (!data.request().speakers().isEmpty() && speakerTurns.getOrDefault(c.document(), List.of()).stream()
            .noneMatch(t -> t.start() <= c.start() && c.end() <= t.end())) {
          // in another speaker's turn: outside this study as much as another document is
          outside.add(c.id());
        }
      } else if (built.test(c)) {
        // an earlier build for a wider study: the layer is this study's now (the decisions stay, and apply again
        // when that study is built again)
        old.add(c.id());
        outside.add(c.id());
      }
    }
    // the layer is rebuilt from scratch; a coding someone gave the coder "consensus" by hand would vanish with it
    if (!foreign.isEmpty()) {
      throw new InputException(Counted.of(foreign.size(), "coding") + " of the coder \"" + LAYER + "\" "
          + (foreign.size() == 1 ? "was" : "were") + " not made by a consensus build ("
          + String.join(", ", foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", …" : "")
          + "), and rebuilding the layer would replace them; give them to another coder first (codings export, "
          + "change the coder column and empty the id column, codings import, then codings delete)");
    }
    if (!noted.isEmpty()) {
      throw new InputException(Counted.of(noted.size(), "coding") + " of the consensus layer "
          + (noted.size() == 1 ? "carries" : "carry") + " a note added since the build (" + String.join(", ",
              noted.subList(0, Math.min(3, noted.size()))) + (noted.size() > 3 ? ", …" : "") + "), which rebuilding "
          + "the layer would lose; delete " + (noted.size() == 1 ? "it" : "them") + " (codings delete PROJECT ID… "
          + "--why …, which keeps the memo, note included, with the deletion) and build again");
    }
    s.codings().delete(old);
    Plan plan = plan(s, data, layer.id());
    List<Coding> codings = plan.codings();
    s.codings().add(codings);
    recordCoverage(s, data, layer, plan);
    // a new version may put a coding outside the study's categories; the build made it again, so it was not taken off
    codings.forEach(c -> outside.remove(c.id()));
    return new Status(plan.agreed(), plan.all().size(), plan.resolved(), plan.open(), plan.all(),
        clashes(s, data, plan.all()), contradictions(s, plan.all()), unapplied(s, plan.all()), outside.size());
  }

  /** What a build of a study puts on the layer: its codings (one per span and category), and what it found. */
  private record Plan(long agreed, List<Coding> codings, List<Disagreement> all, int resolved, List<Disagreement> open) {
  }

  private static Plan plan(ProjectSession s, StudyData data, UUID layerId) {
    List<Disagreement> all = toSettle(s, data);
    // an agreed code an exclusive group rules out, once decided, is what its decision says
    Set<String> decidedAgreed = new HashSet<>();
    all.stream().filter(d -> d.exclusiveGroup().isPresent() && d.decision().isPresent())
        .forEach(d -> decidedAgreed.add(d.id()));
    MessageDigest sha = sha256();
    List<Coding> codings = new ArrayList<>();
    long agreed = 0;
    for (Variable v : data.variables()) {
      if (v.kind() != Variable.Kind.CATEGORY) {
        continue;
      }
      for (StudyUnit u : data.units()) {
        if (agreedPresent(data, u, v) && !(decidedAgreed.contains(id(sha, u, v.id())))) {
          agreed++;
          List<int[]> union = new ArrayList<>();
          List<String> gave = new ArrayList<>();
          for (int k = 0; k < data.coders().size(); k++) {
            if (data.value(u, v, k) == 1) {
              union.addAll(clip(data.spans(u.document(), data.coders().get(k).id(), v.id()), u));
              gave.add(data.coders().get(k).name());
            }
          }
          // those who gave it: a coder who did not judge the unit agreed to nothing there
          add(codings, union, u, v.id(), layerId, AGREED + String.join(", ", gave));
        }
      }
    }
    int resolved = 0;
    List<Disagreement> open = new ArrayList<>();
    for (Disagreement d : all) {
      if (d.decision().isEmpty()) {
        open.add(d);
        continue;
      }
      resolved++;
      ConsensusDecision decision = d.decision().get();
      // one line per decision: a build's memo is told line by line (ConsensusLayer#madeByBuild)
      String memo = DECIDED + decision.kind().code() + "): " + decision.rationale().replaceAll("\\s*\\R\\s*", " ");
      switch (decision.kind()) {
        case TAKE -> add(codings, d.presentBy().getOrDefault(decision.takenCoder().get(), List.of()), d.unit(),
            d.category(), layerId, memo);
        // every coder's spans of it: also those of a coder whose spans cover less of the unit than --min-cover asks
        case BOTH -> add(codings, java.util.stream.Stream.concat(d.presentBy().values().stream(),
            d.belowCoverBy().values().stream()).flatMap(List::stream).toList(), d.unit(), d.category(), layerId, memo);
        case NEITHER -> {
        }
        case NEW -> add(codings, List.of(new int[] {decision.spanStart().get(), decision.spanEnd().get()}), d.unit(),
            decision.newCategory().get(), layerId, memo);
        default -> throw new IllegalStateException();
      }
    }
    return new Plan(agreed, overlapsJoined(codings), all, resolved, open);
  }

  /**
   * One coding per span and category, as the layer holds it: those of one category that overlap in a document (an
   * agreed code and a decision on the same span, two decisions, a new version beside an agreed code) joined into one,
   * with both memos, so the layer holds those characters once (stats would count them twice, agreement merge them).
   */
  private static List<Coding> overlapsJoined(List<Coding> codings) {
    Map<String, List<Coding>> byPlace = new LinkedHashMap<>();
    codings.forEach(c -> byPlace.computeIfAbsent(c.document() + "|" + c.category(), k -> new ArrayList<>()).add(c));
    List<Coding> out = new ArrayList<>();
    for (List<Coding> same : byPlace.values()) {
      same.sort(java.util.Comparator.comparingInt(Coding::start).thenComparingInt(Coding::end));
      Coding run = null;
      for (Coding c : same) {
        if (run != null && c.start() < run.end()) {
          int end = Math.max(run.end(), c.end());
          run = new Coding(ConsensusLayer.builtId(run.document(), run.start(), end, run.category()), run.document(),
              run.start(), end, run.category(), run.coder(), Coding.joinMemos(run.memo(), c.memo()));
        } else {
          if (run != null) {
            out.add(run);
          }
          run = c;
        }
      }
      out.add(run);
    }
    return out;
  }

  /**
   * Whether the layer holds what a build of its study would make now, and if not, what differs: a build happens when
   * a team builds or decides, so a coder's coding changed since, a category merged or split, or new meaning units
   * leave it as it was, and a comparison with it would count what the coders no longer say.
   */
  public static Optional<String> outOfDate(ProjectSession s, StudyData data) {
    Optional<Coder> layer = s.coders().byName(LAYER);
    if (layer.isEmpty() || data.units().isEmpty()) {
      return Optional.empty();
    }
    // by where the codings lie, and by where they lie with their memos: a coding agreed now where the team decided
    // before (or the other way round) keeps its place and changes its memo only
    Map<String, Integer> difference = new HashMap<>();
    Map<String, Integer> withMemos = new HashMap<>();
    Plan plan = plan(s, data, layer.get().id());
    for (Coding c : plan.codings()) {
      difference.merge(placed(c), 1, Integer::sum);
      withMemos.merge(placed(c) + "|" + c.memo(), 1, Integer::sum);
    }
    // every coding a build made: one now outside the study (a document --where no longer matches) goes with a build
    java.util.function.Predicate<Coding> built = ConsensusLayer.madeByBuild(s);
    for (Coding c : s.codings().byCoder(layer.get().id())) {
      if (built.test(c)) {
        difference.merge(placed(c), -1, Integer::sum);
        withMemos.merge(placed(c) + "|" + c.memo(), -1, Integer::sum);
      }
    }
    long missing = difference.values().stream().filter(n -> n > 0).mapToLong(n -> n).sum();
    long extra = -difference.values().stream().filter(n -> n < 0).mapToLong(n -> n).sum();
    long renoted = withMemos.values().stream().filter(n -> n > 0).mapToLong(n -> n).sum() - missing;
    // what the layer judged: a coder coding a document for the first time widens it without changing a coding
    Set<String> judged = new HashSet<>();
    coverageOf(s, data, layer.get().id(), plan).forEach(c -> judged.add(judgedPlace(c)));
    // compared over the study's variables: a build's records of a category merged away since judge nothing new
    Set<String> recorded = new HashSet<>();
    for (Variable v : data.variables()) {
      if (v.kind() == Variable.Kind.CATEGORY || v.kind() == Variable.Kind.GROUP) {
        s.coverage().byCategory(v.id()).stream().filter(c -> c.coder().equals(layer.get().id()))
            .forEach(c -> recorded.add(judgedPlace(c)));
      }
    }
    if (missing == 0 && extra == 0 && renoted == 0 && judged.equals(recorded)) {
      return Optional.empty();
    }
    List<String> changes = new ArrayList<>();
    if (missing > 0 || extra > 0) {
      changes.add("gain " + Counted.of(missing, "coding") + " and lose " + extra);
    }
    if (renoted > 0) {
      changes.add("give " + Counted.of(renoted, "coding") + " another memo (which says whether the coders agreed "
          + "there or the team decided)");
    }
    if (!judged.equals(recorded)) {
      changes.add("judge other units");
    }
    return Optional.of("the consensus layer is out of date: built again now, it would " + String.join(", and ", changes)
        + " (the coders' codings, the documents, the categories or the units changed since it was built); consensus "
        + "PROJECT builds it again");
  }

  private static String judgedPlace(Coverage c) {
    return c.document() + "|" + c.category() + "|" + c.start() + "|" + c.end();
  }

  /**
   * What a report comparing the consensus layer as a coder must say: how many disagreements of the layer's study are
   * undecided among the documents, categories and units {@code compared} (the layer holds neither version there,
   * which reads as the team rejecting both), how many codes of an exclusive group it holds two of, undecided, and
   * whether it still holds what a build would make. {@code built}: the study the layer was built for.
   */
  public static List<String> comparisonNotes(ProjectSession s, StudyData compared, StudyData built) {
    Set<UUID> documents = new HashSet<>(compared.documents().stream().map(d -> d.id()).toList());
    Set<UUID> categories = new HashSet<>(compared.variables(Variable.Kind.CATEGORY).stream().map(Variable::id).toList());
    // the units compared (those of --speaker, say) by document: a disagreement counts where it meets one of them
    Map<UUID, List<StudyUnit>> units = new HashMap<>();
    compared.units().forEach(u -> units.computeIfAbsent(u.document(), x -> new ArrayList<>()).add(u));
    List<Disagreement> meeting = toSettle(s, built).stream()
        .filter(d -> documents.contains(d.unit().document()) && categories.contains(d.category())
            && units.getOrDefault(d.unit().document(), List.of()).stream()
                .anyMatch(u -> u.start() < d.unit().end() && d.unit().start() < u.end()))
        .toList();
    List<Disagreement> ofCoders = meeting.stream().filter(d -> d.exclusiveGroup().isEmpty()).toList();
    long open = ofCoders.stream().filter(d -> d.decision().isEmpty()).count();
    long groupOpen = meeting.stream().filter(d -> d.exclusiveGroup().isPresent() && d.decision().isEmpty()).count();
    List<String> notes = new ArrayList<>();
    if (open > 0) {
      notes.add("the consensus layer leaves " + Counted.of(open, "disagreement") + " of " + ofCoders.size()
          + " in these documents and categories undecided (consensus status); where undecided it holds neither "
          + "version, so it counts as rejecting what one coder coded there");
    }
    if (groupOpen > 0) {
      notes.add("the consensus layer holds " + Counted.of(groupOpen, "code") + " that every coder gave but an "
          + "exclusive group allows only one of, undecided (consensus status)");
    }
    outOfDate(s, built).ifPresent(notes::add);
    return notes;
  }

  /** A coding as the layer holds it, by where it lies and its category (its id may name a category merged since). */
  private static String placed(Coding c) {
    return c.document() + "|" + c.start() + "|" + c.end() + "|" + c.category();
  }

  /**
   * Agreed present: every coder who judged the unit found the category, and at least two did (as for agreement, a
   * coder outside its coverage has no say; a unit one coder alone judged is neither agreed nor disputed).
   */
  private static boolean agreedPresent(StudyData data, StudyUnit u, Variable v) {
    int judged = 0;
    boolean all = true;
    for (int k = 0; k < data.coders().size(); k++) {
      int value = data.value(u, v, k);
      if (value != ReliabilityData.MISSING) {
        judged++;
        all &= value == 1;
      }
    }
    return all && judged >= 2;
  }

  /** The units where what was agreed and decided gives the layer two categories of one exclusive group. */
  public static List<ExclusiveClash> clashes(ProjectSession s, StudyData data, List<Disagreement> disagreements) {
    List<Variable> groups = data.variables(Variable.Kind.GROUP);
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<Integer, Set<UUID>> held = new HashMap<>();
    for (Variable v : data.variables(Variable.Kind.CATEGORY)) {
      for (StudyUnit u : data.units()) {
        if (agreedPresent(data, u, v)) {
          held.computeIfAbsent(u.index(), x -> new HashSet<>()).add(v.id());
        }
      }
    }
    // a decided code the coders agreed on is what the decision keeps, like any other: first every decided code
    // goes, then what the decisions keep comes (a new version may put on a unit what another decision took off)
    for (Disagreement d : disagreements) {
      if (d.decision().isPresent()) {
        held.computeIfAbsent(d.unit().index(), x -> new HashSet<>()).remove(d.category());
      }
    }
    for (Disagreement d : disagreements) {
      if (d.decision().isPresent()) {
        kept(d, d.decision().get()).ifPresent(held.computeIfAbsent(d.unit().index(), x -> new HashSet<>())::add);
      }
    }
    var system = s.categories().current();
    Map<String, String> decidedOn = new HashMap<>();
    for (Disagreement d : disagreements) {
      // by the code the decision keeps, which a new version may set elsewhere than the disagreement's own
      d.decision().flatMap(c -> kept(d, c)).ifPresent(c -> decidedOn.put(d.unit().index() + "|" + c, d.id()));
    }
    // an agreed code the group rules out is a disagreement of its own, open until decided
    disagreements.stream().filter(d -> d.decision().isEmpty())
        .forEach(d -> decidedOn.putIfAbsent(d.unit().index() + "|" + d.category(), d.id()));
    List<ExclusiveClash> out = new ArrayList<>();
    for (Variable g : data.variables(Variable.Kind.GROUP)) {
      List<Set<UUID>> subtrees = subtrees(system, g.id());
      for (StudyUnit u : data.units()) {
        Set<UUID> here = held.getOrDefault(u.index(), Set.of());
        List<List<UUID>> heldByChild = subtrees.stream().map(t -> t.stream().filter(here::contains).toList())
            .filter(h -> !h.isEmpty()).toList();
        if (heldByChild.size() >= 2) {
          out.add(new ExclusiveClash(u, g.label(), heldByChild.stream().flatMap(List::stream)
              .map(c -> new Held(system.get(c).label().english(),
                  Optional.ofNullable(decidedOn.get(u.index() + "|" + c)))).toList()));
        }
      }
    }
    return out;
  }

  /**
   * The recorded decisions that settle none of the disagreements: kept, but applied nowhere (the coders' codings
   * changed, a category was split, or the study compares other coders, units or documents now).
   */
  public static List<Unapplied> unapplied(ProjectSession s, List<Disagreement> all) {
    Map<String, ConsensusDecision> applied = new HashMap<>();
    all.stream().filter(d -> d.decision().isPresent()).forEach(d -> applied.put(d.id(), d.decision().get()));
    List<Unapplied> out = new ArrayList<>();
    for (Followed f : followingMerges(s, sha256())) {
      ConsensusDecision standing = applied.get(f.now().disagreement());
      if (standing == null) {
        out.add(new Unapplied(f.recorded(), Optional.empty()));
      } else if (!sameEffect(standing, f.now())) {
        // a merge brought it onto the same unit and category as a later one, to which it gave way: the team may not
        // have meant that, so it is told apart from one that meets no disagreement (one deciding alike lost nothing)
        out.add(new Unapplied(f.recorded(), Optional.of(standing)));
      }
    }
    out.sort(java.util.Comparator.comparing(u -> u.decision().decidedAt()));
    return out;
  }

  private static boolean sameEffect(ConsensusDecision a, ConsensusDecision b) {
    return a.kind() == b.kind() && a.takenCoder().equals(b.takenCoder()) && a.takenPresent().equals(b.takenPresent())
        && a.spanStart().equals(b.spanStart())
        && a.spanEnd().equals(b.spanEnd()) && a.newCategory().equals(b.newCategory());
  }

  /** The category a decision puts on the disagreement's unit, if any: the same reading {@link #build} applies. */
  private static Optional<UUID> kept(Disagreement d, ConsensusDecision decision) {
    return switch (decision.kind()) {
      case TAKE -> d.presentBy().containsKey(decision.takenCoder().get()) ? Optional.of(d.category())
          : Optional.empty();
      case BOTH -> Optional.of(d.category());
      case NEW -> decision.newCategory();
      case NEITHER -> Optional.empty();
    };
  }

  /**
   * The layer judged every unit that two or more of its coders judged, also where it kept no code: recorded as its
   * coverage, so that comparing a coder with the consensus counts the codes the team rejected there as absent
   * instead of leaving out the documents where nothing survived.
   */
  private static void recordCoverage(ProjectSession s, StudyData data, Coder layer, Plan plan) {
    // the layer judged this study's units only: an earlier build's judgments elsewhere go with its codings
    s.coverage().removeAll(layer.id());
    s.coverage().add(coverageOf(s, data, layer.id(), plan));
  }

  /** The units the layer judges in a study, as coverage records of the layer's coder. */
  private static List<Coverage> coverageOf(ProjectSession s, StudyData data, UUID layer, Plan plan) {
    List<Variable> judged = data.variables().stream()
        .filter(v -> v.kind() == Variable.Kind.CATEGORY || v.kind() == Variable.Kind.GROUP).toList();
    // a group is judged where coders judged its values, also where one gave two of them (its own value is then
    // missing for that coder, a clash the team settles)
    Map<UUID, List<Variable>> values = new HashMap<>();
    exclusiveChildren(s, data).forEach((group, subtrees) -> values.put(group,
        subtrees.stream().flatMap(List::stream).toList()));
    // where the team put a new version, the layer judged its category, whatever the coders left open there
    Set<String> decided = new HashSet<>();
    plan.all().stream().filter(d -> d.decision().filter(x -> x.kind() == ConsensusDecision.Kind.NEW).isPresent())
        .forEach(d -> decided.add(d.unit().index() + "|" + d.decision().get().newCategory().orElseThrow()));
    List<Coverage> coverage = new ArrayList<>();
    for (Variable v : judged) {
      StudyUnit first = null;
      StudyUnit last = null;
      List<Variable> of = v.kind() == Variable.Kind.GROUP ? values.getOrDefault(v.id(), List.of()) : List.of();
      for (StudyUnit u : data.units()) {
        int coders = 0;
        for (int k = 0; k < data.coders().size(); k++) {
          final int coder = k;
          coders += data.value(u, v, k) != ReliabilityData.MISSING
              || of.stream().anyMatch(x -> data.value(u, x, coder) != ReliabilityData.MISSING) ? 1 : 0;
        }
        if (decided.contains(u.index() + "|" + v.id())
            || of.stream().anyMatch(x -> decided.contains(u.index() + "|" + x.id()))) {
          coders = Math.max(coders, 2);
        }
        // units next to each other in the study are next to each other in the text, but for --speaker, whose units
        // leave the other speakers' turns out between them
        boolean continues = last != null && last.document().equals(u.document()) && last.index() + 1 == u.index()
            && data.request().speakers().isEmpty();
        if (first != null && (coders < 2 || !continues)) {
          coverage.add(new Coverage(first.document(), layer, v.id(), first.start(), last.end()));
          first = null;
        }
        if (coders >= 2) {
          first = first == null ? u : first;
          last = u;
        } else {
          last = null;
        }
      }
      if (first != null) {
        coverage.add(new Coverage(first.document(), layer, v.id(), first.start(), last.end()));
      }
    }
    return coverage;
  }

  /** The disagreements of a study by id: worked out once, for deciding many. */
  public static Map<String, Disagreement> byId(ProjectSession s, StudyData data) {
    Map<String, Disagreement> out = new LinkedHashMap<>();
    disagreements(s, data, Integer.MAX_VALUE, true, true).forEach(d -> out.put(d.id(), d));
    return out;
  }

  /**
   * Records a decision on one disagreement of the study ({@code disagreements}: {@link #byId}); returns the decision
   * it replaces, if the disagreement was decided before (kept among the replaced ones), or the standing one it
   * repeats, which stays as it was.
   */
  public static Recorded decide(ProjectSession s, StudyData data,
      Map<String, Disagreement> disagreements, String id, ConsensusDecision.Kind kind, Optional<String> coder,
      Optional<int[]> span, Optional<UUID> category, String rationale, String who, java.time.Instant at) {
    String key = id.strip().matches("(?i)d[0-9a-f]{10}") ? "D" + id.strip().substring(1).toLowerCase(java.util.Locale.ROOT)
        : id.strip();
    if (key.isEmpty()) {
      throw new InputException("no disagreement named: a decision needs the id of one (consensus status PROJECT lists "
          + "the open ones, with --decided the others)");
    }
    Disagreement d = Optional.ofNullable(disagreements.get(key))
        .orElseThrow(() -> new InputException("there is no disagreement " + id + " between " + names(data)
            + " (consensus status PROJECT lists the open ones, with --decided the others)"));
    if (kind == ConsensusDecision.Kind.TAKE) {
      String name = coder.orElseThrow();
      List<String> versions = new ArrayList<>(d.presentBy().keySet());
      versions.addAll(d.absentBy());
      // a coder named as the user knows it, in any case
      coder = versions.stream().filter(v -> v.equals(name)).findFirst()
          .or(() -> versions.stream().filter(v -> v.equalsIgnoreCase(name)).findFirst());
      if (coder.isEmpty()) {
        throw new InputException("taking the version of " + name + ": that coder has no version of " + key
            + " (its coders: " + String.join(", ", versions) + ")");
      }
    }
    if (kind == ConsensusDecision.Kind.NEW) {
      int[] sp = span.orElseThrow();
      // a span reaching into other units would decide there what nobody disputed
      if (sp[0] < d.unit().start() || sp[1] <= sp[0] || sp[1] > d.unit().end()) {
        throw new InputException("the span " + sp[0] + ".." + sp[1] + " is not a span within the disputed unit "
            + d.unit().start() + ".." + d.unit().end() + " of " + d.unit().documentName()
            + " (offsets in code points from the start of the document)");
      }
      var text = s.documents().text(d.unit().document());
      for (int offset : sp) {
        if (!text.isCharacterBoundary(offset)) {
          throw new InputException("the span " + sp[0] + ".." + sp[1] + ": offset " + offset + " falls inside a character of "
              + d.unit().documentName() + " (a letter and its combining mark, or an emoji sequence)");
        }
      }
      int minCover = data.request().minCoverPercent();
      if (minCover > 0 && (sp[1] - sp[0]) * 100L < (long) minCover * (d.unit().end() - d.unit().start())) {
        // agreement with the same study would count the new version as absent from the unit
        throw new InputException("the span " + sp[0] + ".." + sp[1] + " covers less of the unit " + d.unit().start()
            + ".." + d.unit().end() + " than the study's --min-cover " + minCover + " %, so the new version would "
            + "count as absent there");
      }
      CategorySystem system = s.categories().current();
      Category chosen = system.get(category.orElseThrow());
      if (!chosen.openForCoding()) {
        throw new InputException("\"" + chosen.label().english() + "\" " + (chosen.codable()
            ? "is " + org.lacrima.core.codebook.CategoryOperations.describeState(system, chosen) + " and takes no new codings"
            : "groups categories and takes no codings; name one of them"));
      }
      // the layer is rebuilt within the study's categories; a coding outside them would outlive its decision
      if (data.variables(Variable.Kind.CATEGORY).stream().noneMatch(v -> v.id().equals(category.get()))) {
        throw new InputException("the new category is not among the categories this consensus covers");
      }
    }
    if (org.lacrima.core.text.Names.saysNothing(rationale)) {
      // the record itself takes any stored rationale; a new decision's must say something the log can show
      throw new InputException("a consensus decision needs a rationale (--why)");
    }
    // it becomes the memo of the layer's coding, which codings export writes and import reads back
    org.lacrima.core.text.Names.refuseControls("the rationale", rationale);
    // as every text of a project: "Jürgen" typed decomposed, or a line ended CRLF, is the same rationale
    rationale = org.lacrima.core.text.DocumentText.normalizeString(rationale).strip();
    Optional<Boolean> takenPresent = coder.filter(c -> kind == ConsensusDecision.Kind.TAKE)
        .map(c -> d.presentBy().containsKey(c));
    ConsensusDecision decision = new ConsensusDecision(key, d.unit().document(), d.unit().start(), d.unit().end(),
        d.category(), kind, coder, takenPresent, span.map(x -> x[0]), span.map(x -> x[1]), category, rationale, who, at);
    Optional<ConsensusDecision> standing = s.consensus().byDisagreement(key);
    if (standing.isPresent() && sameEffect(standing.get(), decision)
        && standing.get().rationale().equals(decision.rationale())) {
      // the same decision again (a decisions file run twice): the one taken first stands, with its who and when
      return new Recorded(Optional.empty(), standing);
    }
    return new Recorded(s.consensus().save(decision), Optional.empty());
  }

  /** What deciding did: the earlier decision it replaced, or the standing one it repeated (left as it was). */
  public record Recorded(Optional<ConsensusDecision> replaced, Optional<ConsensusDecision> repeated) {
  }

  private static void add(List<Coding> out, List<int[]> spans, StudyUnit u, UUID category, UUID layer, String memo) {
    for (int[] piece : SpanSet.merged(spans).pieces()) {
      out.add(new Coding(ConsensusLayer.builtId(u.document(), piece[0], piece[1], category), u.document(), piece[0],
          piece[1], category, layer, memo));
    }
  }

  private static List<int[]> clip(List<int[]> spans, StudyUnit u) {
    List<int[]> out = new ArrayList<>();
    for (int[] s : spans) {
      int start = Math.max(s[0], u.start());
      int end = Math.min(s[1], u.end());
      if (end > start) {
        out.add(new int[] {start, end});
      }
    }
    return out;
  }

  private static String names(StudyData data) {
    return String.join(", ", data.coders().stream().map(Coder::name).toList());
  }
}
