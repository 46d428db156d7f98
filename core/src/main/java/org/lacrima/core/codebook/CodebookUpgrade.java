package org.lacrima.core.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectSession;

/**
 * Takes over a revised built-in category system by a three-way comparison: the version the project
 * last took over ("upstream"), the project's current system, and the new version. What the new
 * version changed and the team did not touch is offered as a clean change; where the team changed
 * the same field differently, it is a conflict the team decides (keep "mine" or take "theirs").
 * Categories the new version drops are retired, never deleted, so no coding is lost.
 */
public final class CodebookUpgrade {

  /**
   * One change the new version brings, with an id to accept or decide it by. A conflict is a change the team
   * made differently, or one that cannot be taken over into the project as it is now ({@code obstacle}: a label
   * a category of the team's already has, a parent the team merged or split, codings that rest on a category
   * the change would make a grouping node).
   */
  public record Proposal(String id, Kind kind, UUID target, String label, String field, boolean conflict,
      String mine, String theirs, String obstacle) {

    Proposal(String id, Kind kind, UUID target, String label, String field, boolean conflict, String mine,
        String theirs) {
      this(id, kind, target, label, field, conflict, mine, theirs, "");
    }

    Proposal blockedBy(String why) {
      return new Proposal(id, kind, target, label, field, true, mine, theirs, why);
    }
  }

  public enum Kind {
    ADD_CATEGORY, CHANGE_FIELD, RETIRE_CATEGORY, ADD_RELATION, REMOVE_RELATION, CHANGE_RELATION
  }

  /** A team's choice on a conflict. */
  public enum Choice {
    MINE, THEIRS
  }

  public record Plan(CategorySystem upstream, CategorySystem current, CategorySystem next, List<Proposal> proposals) {
    public List<Proposal> clean() {
      return proposals.stream().filter(p -> !p.conflict()).toList();
    }

    public List<Proposal> conflicts() {
      return proposals.stream().filter(Proposal::conflict).toList();
    }
  }

  /**
   * What an upgrade run did; {@code described}: the new version's own description the project took over with it
   * (once every proposal was settled).
   */
  public record Result(Plan plan, List<Proposal> applied, List<Proposal> kept, List<Proposal> pending,
      Optional<CodebookChange> change, List<String> described) {
  }

  private static final Map<String, Function<Category, Object>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("label", Category::label);
    FIELDS.put("parent", Category::parent);
    FIELDS.putAll(CodebookDiff.FIELDS);
    FIELDS.put("exclusive_children", Category::exclusiveChildren);
  }

  private CodebookUpgrade() {
  }

  /**
   * The proposals. Their ids number every change between the upstream and the new version, in a
   * fixed order, whether or not the project already has it: an id stays the same from one run to
   * the next while the team takes changes over one by one.
   */
  public static Plan plan(CategorySystem upstream, CategorySystem current, CategorySystem next) {
    return plan(upstream, current, next, Set.of());
  }

  /**
   * The proposals, each tried on the project's current system: one that cannot be taken over as it stands is a
   * conflict with its obstacle named ({@code coded}: the categories codings rest on). Listing it as clean would
   * make "--accept all" fail as a whole.
   */
  public static Plan plan(CategorySystem upstream, CategorySystem current, CategorySystem next, Set<UUID> coded) {
    Plan plain = compare(upstream, current, next);
    List<Proposal> out = new ArrayList<>();
    for (Proposal p : plain.proposals()) {
      out.add(obstacle(p, plain, coded).map(p::blockedBy).orElse(p));
    }
    return new Plan(upstream, current, next, out);
  }

  /** The categories of the session that codings rest on. */
  public static Set<UUID> coded(ProjectSession s) {
    Set<UUID> out = new HashSet<>();
    s.codings().countByDocumentCoderAndCategory().forEach(c -> out.add(c.category()));
    return out;
  }

  private static Optional<String> obstacle(Proposal p, Plan plan, Set<UUID> coded) {
    CategorySystem current = plan.current();
    CategorySystem next = plan.next();
    // with the new categories it builds on, as --accept would need to name them too
    List<Proposal> trial = new ArrayList<>(List.of(p));
    java.util.Deque<UUID> todo = new java.util.ArrayDeque<>(buildsOn(p, next));
    while (!todo.isEmpty()) {
      UUID want = todo.pop();
      if (!current.contains(want) && trial.stream().noneMatch(x -> x.kind() == Kind.ADD_CATEGORY
          && x.target().equals(want))) {
        plan.proposals().stream().filter(x -> x.kind() == Kind.ADD_CATEGORY && x.target().equals(want))
            .findFirst().ifPresent(trial::add);
        next.get(want).parent().ifPresent(todo::push);
      }
    }
    Optional<String> alone = obstacleOf(trial, current, next, coded);
    if (alone.isEmpty()) {
      return alone;
    }
    // a name the new version gives here may be one it takes away from another category ("Pause" renamed, and a
    // new "Pause" beside it): taken over together with those relabellings, as --accept all does, it is clean
    List<Proposal> freeing = relabellings(plan, trial);
    trial.addAll(freeing);
    return freeing.isEmpty() || obstacleOf(trial, current, next, coded).isPresent() ? alone : Optional.empty();
  }

  /** The plan's clean label changes that {@code taken} does not hold. */
  private static List<Proposal> relabellings(Plan plan, List<Proposal> taken) {
    return plan.proposals().stream().filter(x -> x.kind() == Kind.CHANGE_FIELD && x.field().equals("label")
        && !x.conflict() && !taken.contains(x)).toList();
  }

  private static Optional<String> obstacleOf(List<Proposal> trial, CategorySystem current, CategorySystem next,
      Set<UUID> coded) {
    try {
      CategorySystem after = applyTo(current, next, trial);
      CategorySystem.checkChangedLabels(current, after, "the upgrade to " + next.info().versionLabel());
      for (Category c : after.categories()) {
        Optional<Category> was = current.byId(c.id());
        Optional<Category> parent = c.parent().map(after::get);
        if ((was.isEmpty() || !was.get().parent().equals(c.parent())) && parent.isPresent()
            && !parent.get().state().isActive()) {
          return Optional.of("its place is under \"" + parent.get().label().english() + "\", which this project has "
              + CategoryOperations.describeState(after, parent.get()));
        }
        if (was.isPresent() && was.get().codable() && !c.codable() && coded.contains(c.id())) {
          return Optional.of("codings rest on \"" + c.label().english() + "\", which this change would make a "
              + "grouping node");
        }
      }
      return Optional.empty();
    } catch (InputException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * An upgrade goes forward: taking an older version would relabel the project as resting on it. (The same number
   * with other texts is let through: it is how a rewording made before a number was given reaches a project.)
   */
  private static void refuseAnOlderVersion(CategorySystem upstream, CategorySystem next) {
    if (compareVersions(next.info().version(), upstream.info().version()) < 0) {
      throw new InputException(next.info().versionLabel() + " is older than " + upstream.info().versionLabel()
          + ", the version the project rests on; an upgrade only goes to a newer one");
    }
  }

  /**
   * A new version states what its categories are; it retires one at most (offered like one it drops). A merge or
   * split moves codings, which a team does itself, and a retired category is opened again by the team: taken over
   * as a field, such a state would be lost unsaid.
   */
  private static void refuseStatesItCannotTake(CategorySystem upstream, CategorySystem current, CategorySystem next) {
    for (Category n : next.categories()) {
      // as the version the project rests on has it, or as the team has made it already: nothing to take over
      boolean asUpstream = upstream.byId(n.id()).filter(u -> u.state().equals(n.state())).isPresent();
      boolean asProject = current.byId(n.id()).filter(c -> c.state().equals(n.state())).isPresent();
      if (asUpstream || asProject) {
        continue;
      }
      CategoryState.Status status = n.state().status();
      boolean reopened = status == CategoryState.Status.ACTIVE
          && upstream.byId(n.id()).filter(u -> !u.state().isActive()).isPresent();
      if (status == CategoryState.Status.MERGED || status == CategoryState.Status.SPLIT || reopened) {
        throw new InputException(next.info().versionLabel() + " gives \"" + n.label().english() + "\" as "
            + (reopened ? "active, where the version the project rests on has it "
                + CategoryOperations.describeState(upstream, upstream.get(n.id()))
                : CategoryOperations.describeState(next, n)) + ": an upgrade takes over what categories say and "
            + "retires those a new version drops, but a merge, a split or reopening a category is the team's own "
            + "operation (category merge, split, reactivate; then run the upgrade again); nothing was taken over");
      }
    }
  }

  /**
   * The new version's own description (title, citation, …, not its version number) where it differs from
   * {@code from}'s: it comes with the version once every proposal is settled, so the team is told which.
   */
  public static List<String> describedAnew(CategorySystem from, CategorySystem next) {
    return CodebookDiff.between(from, next).stream().filter(d -> d.kind() == CodebookDiff.Kind.SYSTEM)
        .map(d -> d.detail().lines().findFirst().orElse("")).filter(f -> !f.equals("version")).toList();
  }

  /**
   * The groups whose categories the new version orders otherwise than the project does: an upgrade keeps the
   * project's order (no proposal moves a category among its siblings), so the team is told where.
   */
  public static List<String> reordered(CategorySystem current, CategorySystem next) {
    Map<Optional<UUID>, List<UUID>> before = new LinkedHashMap<>();
    current.categories().stream().filter(c -> next.byId(c.id()).map(n -> n.parent().equals(c.parent())).orElse(false))
        .forEach(c -> before.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c.id()));
    Map<Optional<UUID>, List<UUID>> after = new LinkedHashMap<>();
    next.categories().stream().filter(c -> current.byId(c.id()).map(u -> u.parent().equals(c.parent())).orElse(false))
        .forEach(c -> after.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c.id()));
    List<String> out = new ArrayList<>();
    before.forEach((parent, ids) -> {
      if (!ids.equals(after.get(parent))) {
        out.add(parent.map(p -> "\"" + next.get(p).label().english() + "\"").orElse("the top level"));
      }
    });
    return out;
  }

  /**
   * Versions in the order of semantic versioning: the release part number by number ("1.10.0" after "1.9.2", a part
   * left out counting as 0), a pre-release before its release ("2.0.0-rc1" before "2.0.0"), and pre-releases part by
   * part, digits as numbers ("rc10" after "rc9").
   */
  static int compareVersions(String a, String b) {
    String[] x = a.strip().split("-", 2);
    String[] y = b.strip().split("-", 2);
    int c = compareParts(x[0].split("\\."), y[0].split("\\."), "0");
    if (c != 0) {
      return c;
    }
    if (x.length == 1 || y.length == 1) {
      return Integer.compare(y.length, x.length); // no pre-release part is the release, after its pre-releases
    }
    return compareParts(x[1].split("\\."), y[1].split("\\."), "");
  }

  private static int compareParts(String[] x, String[] y, String missing) {
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = natural(i < x.length ? x[i] : missing, i < y.length ? y[i] : missing);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Two parts, runs of digits compared as numbers of any length, the rest as text. */
  private static int natural(String p, String q) {
    java.util.regex.Matcher m = RUN.matcher(p);
    java.util.regex.Matcher n = RUN.matcher(q);
    while (m.find()) {
      if (!n.find()) {
        return 1;
      }
      String r = m.group();
      String t = n.group();
      boolean digits = Character.isDigit(r.charAt(0)) && Character.isDigit(t.charAt(0));
      int c = digits ? new java.math.BigInteger(r).compareTo(new java.math.BigInteger(t)) : r.compareTo(t);
      if (c != 0) {
        return c;
      }
    }
    return n.find() ? -1 : 0;
  }

  private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("\\d+|\\D+");

  private static Plan compare(CategorySystem upstream, CategorySystem current, CategorySystem next) {
    if (!upstream.info().id().equals(next.info().id())) {
      // an empty project, or one seeded from another system, has no earlier version of this one to compare
      throw new InputException("the new version is of the system \"" + next.info().id() + "\" ("
          + next.info().title().english() + "), but this project's rests on \"" + upstream.info().id() + "\""
          + (upstream.info().id().equals("empty") ? " (it started without categories)" : "")
          + ", so there is nothing to upgrade from");
    }
    refuseAnOlderVersion(upstream, next);
    refuseStatesItCannotTake(upstream, current, next);
    List<Proposal> out = new ArrayList<>();
    int number = 0;
    for (Category n : next.categories()) {
      Optional<Category> u = upstream.byId(n.id());
      Optional<Category> c = current.byId(n.id());
      if (u.isEmpty()) {
        String id = "U" + ++number;
        if (c.isEmpty()) {
          // a new category can clash with nothing of the team's; that its parent may be new too is checked on apply
          out.add(new Proposal(id, Kind.ADD_CATEGORY, n.id(), n.label().english(), "", false, "—",
              "new category at \"" + next.path(n.id()) + "\""));
        }
        continue;
      }
      for (Map.Entry<String, Function<Category, Object>> f : FIELDS.entrySet()) {
        Object uv = f.getValue().apply(u.get());
        Object nv = f.getValue().apply(n);
        if (Objects.equals(uv, nv)) {
          continue;
        }
        String id = "U" + ++number;
        if (c.isEmpty()) {
          continue; // the team removed it (only an undone addition can); nothing to take over into
        }
        Object cv = f.getValue().apply(c.get());
        if (!Objects.equals(cv, nv)) {
          out.add(new Proposal(id, Kind.CHANGE_FIELD, n.id(), c.get().label().english(), f.getKey(),
              !Objects.equals(cv, uv), render(f.getKey(), cv, current), render(f.getKey(), nv, next)));
        }
      }
    }
    for (Category u : upstream.categories()) {
      boolean dropped = !next.contains(u.id());
      if (dropped || u.state().isActive() && next.get(u.id()).state().status() == CategoryState.Status.RETIRED) {
        String id = "U" + ++number;
        Optional<Category> c = current.byId(u.id());
        if (c.isPresent() && c.get().state().isActive()) {
          boolean conflict = !CodebookDiff.changedFields(u, c.get()).isEmpty();
          out.add(new Proposal(id, Kind.RETIRE_CATEGORY, u.id(), c.get().label().english(), "", conflict, "active",
              "retired (the new version " + (dropped ? "drops" : "retires") + " it; its codings stay)"));
        }
      }
    }
    Map<UUID, Relation> up = byId(upstream.relations());
    Map<UUID, Relation> cur = byId(current.relations());
    Map<UUID, Relation> nxt = byId(next.relations());
    for (Relation n : next.relations()) {
      Relation u = up.get(n.id());
      Relation c = cur.get(n.id());
      if (u == null) {
        String id = "U" + ++number;
        if (c == null) {
          out.add(new Proposal(id, Kind.ADD_RELATION, n.id(), n.kind().wording(), "", false, "—", describe(next, n)));
        }
      } else if (!u.equals(n)) {
        String id = "U" + ++number;
        if (c != null && !c.equals(n)) {
          String mine = describe(current, c);
          String theirs = describe(next, n);
          if (mine.equals(theirs)) {
            // the same ends and kind: what changed is the relation's section or note, which the line must show
            mine += " (" + c.paperSection() + "; note " + CodebookDiff.render(c.note()) + ")";
            theirs += " (" + n.paperSection() + "; note " + CodebookDiff.render(n.note()) + ")";
          }
          out.add(new Proposal(id, Kind.CHANGE_RELATION, n.id(), n.kind().wording(), "", !c.equals(u), mine, theirs));
        }
      }
    }
    for (Relation u : upstream.relations()) {
      if (!nxt.containsKey(u.id())) {
        String id = "U" + ++number;
        Relation c = cur.get(u.id());
        if (c != null) {
          out.add(new Proposal(id, Kind.REMOVE_RELATION, u.id(), u.kind().wording(), "", !c.equals(u),
              describe(current, c), "removed"));
        }
      }
    }
    return new Plan(upstream, current, next, out);
  }

  /**
   * Applies the accepted clean changes and the conflicts decided "theirs"; conflicts decided "mine"
   * keep the team's version. When every proposal is settled, the new version becomes "upstream".
   */
  public static Result apply(ProjectSession s, CategoryOperations.Attribution by, CategorySystem next,
      Set<String> accepted, boolean acceptAllClean, Map<String, Choice> given) {
    CategorySystem current = s.categories().current();
    CategorySystem upstream = CodebookHistory.version(s, CodebookHistory.UPSTREAM);
    Plan plan = plan(upstream, current, next, coded(s));
    Map<String, Choice> decisions = new LinkedHashMap<>(given);
    // what the team kept as its own in an earlier run stays decided, unless this run decides it again
    // (--accept of a change declined earlier takes it after all)
    keptEarlier(s, plan).stream().filter(id -> !accepted.contains(id))
        .forEach(id -> decisions.putIfAbsent(id, Choice.MINE));
    Set<String> known = new HashSet<>();
    plan.proposals().forEach(p -> known.add(p.id()));
    for (String id : accepted) {
      Proposal p = plan.proposals().stream().filter(x -> x.id().equals(id)).findFirst()
          .orElseThrow(() -> new InputException("--accept " + id + ": there is no such proposal"));
      if (p.conflict()) {
        throw new InputException("--accept " + id + ": that is a conflict; decide it with --decide " + id
            + "=mine or " + id + "=theirs");
      }
      if (given.get(id) == Choice.MINE) {
        throw new InputException("--accept " + id + " and --decide " + id + "=mine: take it over, or keep the "
            + "project's version, not both");
      }
    }
    for (String id : decisions.keySet()) {
      if (!known.contains(id)) {
        throw new InputException("--decide " + id + ": there is no such proposal");
      }
    }
    for (Proposal p : plan.proposals()) {
      if (!p.obstacle().isEmpty() && decisions.get(p.id()) == Choice.THEIRS) {
        throw new InputException("--decide " + p.id() + "=theirs: " + p.id() + " cannot be taken over as the project "
            + "stands: " + p.obstacle() + ". Keep the project's version (" + p.id() + "=mine), or change the project "
            + "first and run the upgrade again");
      }
    }
    List<Proposal> applied = new ArrayList<>();
    List<Proposal> kept = new ArrayList<>();
    List<Proposal> pending = new ArrayList<>();
    for (Proposal p : plan.proposals()) {
      Choice choice = decisions.get(p.id());
      // a clean change the team declines ("all but U6") is kept as its own, as a conflict would be
      boolean take = choice == Choice.THEIRS
          || !p.conflict() && choice != Choice.MINE && (acceptAllClean || accepted.contains(p.id()));
      if (take) {
        applied.add(p);
      } else if (choice == Choice.MINE) {
        if (given.get(p.id()) == Choice.MINE) {
          kept.add(p);
        }
      } else {
        pending.add(p);
      }
    }
    requireWhatTheyBuildOn(plan, current, next, applied);
    requireTheNamesTheyFree(plan, current, next, applied);
    CategorySystem after = applyTo(current, next, applied);
    // a category the new version drops is retired: it may be the last place a split's review queue could go
    CategoryOperations.refuseStrandingReviewQueues(s, current, after, "take over " + next.info().versionLabel());
    boolean settled = pending.isEmpty();
    if (settled) {
      after = CategorySystem.of(next.info(), after.categories(), after.relations(), "upgrade to "
          + next.info().versionLabel());
    }
    if (applied.isEmpty() && kept.isEmpty() && !settled) {
      return new Result(plan, applied, kept, pending, Optional.empty(), List.of());
    }
    SystemDelta delta = SystemDelta.between(current, after);
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("operation", "upgrade");
    List<String> described = describedAnew(current, next);
    details.put("summary", "took over " + applied.size() + " change(s) of " + next.info().versionLabel()
        + named(applied) + (kept.isEmpty() ? "" : ", kept the team's version in " + kept.size() + named(kept))
        + (settled ? "; now based on " + next.info().versionLabel() + (described.isEmpty() ? ""
            : ", with its " + String.join(", ", described)) : "; " + pending.size() + " still open"));
    ObjectNode params = details.putObject("parameters");
    params.put("version", next.info().versionLabel());
    ArrayNode took = params.putArray("applied");
    applied.forEach(p -> took.add(p.id() + " " + p.label() + (p.field().isEmpty() ? "" : " " + p.field())));
    ArrayNode mine = params.putArray("kept");
    kept.forEach(p -> mine.add(p.id() + " " + p.label() + (p.field().isEmpty() ? "" : " " + p.field())));
    ArrayNode keptIds = params.putArray("kept_ids");
    kept.stream().filter(Proposal::conflict).forEach(p -> keptIds.add(p.id()));
    // a declined change is known by what it changes, not by its number: a corrected file of the same version may
    // number its changes otherwise
    ArrayNode declined = params.putArray("declined");
    kept.stream().filter(p -> !p.conflict()).forEach(p -> declined.add(declinedKey(p)));
    details.set("delta", delta.toJson());
    if (!delta.isEmpty()) {
      s.categories().replace(after);
    }
    CodebookChange change = s.log().append(by.at(), by.who(), by.why(), CodebookChange.Kind.UPGRADE,
        CategorySystemCodec.compact(details));
    if (settled) {
      // the upstream taken over before, kept so that undoing this upgrade can put it back
      s.categories().version(CodebookHistory.UPSTREAM).ifPresent(previous -> s.categories().saveVersion(
          CodebookHistory.upstreamBefore(change.sequence()), previous, change.sequence()));
      s.categories().saveVersion(CodebookHistory.UPSTREAM, next, change.sequence());
    }
    return new Result(plan, applied, kept, pending, Optional.of(change), settled ? described : List.of());
  }

  /**
   * Which proposals, for the log, by what each changes (its number is the run's own): " (U1 "Pause" definition, U4 new
   * category "Tears")", the first ten and how many more.
   */
  private static String named(List<Proposal> proposals) {
    if (proposals.isEmpty()) {
      return "";
    }
    return proposals.stream().limit(10).map(p -> p.id() + " " + switch (p.kind()) {
      case ADD_CATEGORY -> "new category \"" + p.label() + "\"";
      case RETIRE_CATEGORY -> "retiring \"" + p.label() + "\"";
      case CHANGE_FIELD -> "\"" + p.label() + "\" " + p.field();
      case ADD_RELATION -> "new relation " + p.theirs();
      case CHANGE_RELATION, REMOVE_RELATION -> "relation " + p.mine();
    }).collect(Collectors.joining(", ", " (", proposals.size() > 10 ? ", and " + (proposals.size() - 10) + " more)"
        : ")"));
  }

  /**
   * The proposals of {@code plan} the team kept as its own in earlier runs towards its version (upgrade entries of
   * the log not undone since): a conflict kept, while it is still a conflict (the team may have settled it since by
   * editing, and then the change is clean and taken like any other), and a clean change declined, for good.
   */
  public static Set<String> keptEarlier(ProjectSession s, Plan plan) {
    Set<String> conflicts = new LinkedHashSet<>();
    Set<String> declined = new LinkedHashSet<>();
    for (CodebookChange c : CategoryOperations.undoStack(s.log().all())) {
      if (c.kind() == CodebookChange.Kind.UPGRADE) {
        JsonNode params = CategorySystemCodec.parseJson(c.details(), "log entry " + c.sequence()).path("parameters");
        if (params.path("version").asText().equals(plan.next().info().versionLabel())) {
          params.path("kept_ids").forEach(id -> conflicts.add(id.asText()));
          params.path("declined").forEach(key -> declined.add(key.asText()));
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    plan.proposals().stream().filter(p -> declined.contains(declinedKey(p)) || p.conflict() && conflicts.contains(p.id()))
        .forEach(p -> out.add(p.id()));
    return out;
  }

  /** What a proposal changes: its kind, the category or relation, the field. */
  private static String declinedKey(Proposal p) {
    return p.kind().name() + " " + p.target() + (p.field().isEmpty() ? "" : " " + p.field());
  }

  /**
   * A new category whose parent is new too, or a new relation to a new category, can only be taken over with
   * the proposal that adds what it builds on: say which, rather than fail inside the new system.
   */
  private static void requireWhatTheyBuildOn(Plan plan, CategorySystem current, CategorySystem next,
      List<Proposal> applied) {
    Set<UUID> added = new HashSet<>();
    applied.stream().filter(p -> p.kind() == Kind.ADD_CATEGORY).forEach(p -> added.add(p.target()));
    for (Proposal p : applied) {
      for (UUID need : buildsOn(p, next)) {
        if (!current.contains(need) && !added.contains(need)) {
          String adding = plan.proposals().stream().filter(x -> x.kind() == Kind.ADD_CATEGORY && x.target().equals(need))
              .map(Proposal::id).findFirst().orElse("?");
          throw new InputException(p.id() + " builds on \"" + next.get(need).label().english() + "\", which is new too: "
              + "take it over with " + adding + " (--accept " + p.id() + "," + adding + ")");
        }
      }
    }
  }

  /**
   * The new version's labels meet the team's own categories here: a clash would make a name fit two. Where the
   * relabellings left out would free the name (the plan lists such a change as clean), say which to take along.
   */
  private static void requireTheNamesTheyFree(Plan plan, CategorySystem current, CategorySystem next,
      List<Proposal> applied) {
    String source = "the upgrade to " + next.info().versionLabel();
    try {
      CategorySystem.checkChangedLabels(current, applyTo(current, next, applied), source);
    } catch (InputException clash) {
      List<Proposal> freeing = relabellings(plan, applied);
      List<Proposal> with = new ArrayList<>(applied);
      with.addAll(freeing);
      try {
        CategorySystem.checkChangedLabels(current, applyTo(current, next, with), source);
      } catch (InputException still) {
        throw clash;
      }
      // name those whose present label is one the taken proposals bring
      Set<String> brought = new HashSet<>();
      applied.forEach(p -> next.byId(p.target()).ifPresent(c -> c.label().values().values()
          .forEach(l -> brought.add(l.toLowerCase(java.util.Locale.ROOT)))));
      List<String> ids = freeing.stream().filter(p -> current.get(p.target()).label().values().values().stream()
          .anyMatch(l -> brought.contains(l.toLowerCase(java.util.Locale.ROOT)))).map(Proposal::id).toList();
      if (ids.isEmpty()) {
        throw clash;
      }
      throw new InputException(clash.getMessage() + ". The new version renames the category that carries the name "
          + "now: take that over too (--accept " + String.join(",", ids) + ")");
    }
  }

  /** The categories a proposal needs in the system it is taken into: a new place's parent, a relation's ends. */
  private static List<UUID> buildsOn(Proposal p, CategorySystem next) {
    return switch (p.kind()) {
      case ADD_CATEGORY -> next.get(p.target()).parent().stream().toList();
      case CHANGE_FIELD -> p.field().equals("parent") ? next.get(p.target()).parent().stream().toList() : List.of();
      case ADD_RELATION, CHANGE_RELATION -> next.relations().stream().filter(r -> r.id().equals(p.target()))
          .flatMap(r -> java.util.stream.Stream.of(r.from(), r.to())).toList();
      default -> List.of();
    };
  }

  private static CategorySystem applyTo(CategorySystem current, CategorySystem next, List<Proposal> applied) {
    Map<UUID, Category> cats = new LinkedHashMap<>();
    current.categories().forEach(c -> cats.put(c.id(), c));
    Map<UUID, Relation> rels = new LinkedHashMap<>();
    current.relations().forEach(r -> rels.put(r.id(), r));
    for (Proposal p : applied) {
      switch (p.kind()) {
        case ADD_CATEGORY -> cats.put(p.target(), next.get(p.target()));
        case CHANGE_FIELD -> cats.put(p.target(), withField(cats.get(p.target()), p.field(), next.get(p.target())));
        case RETIRE_CATEGORY -> cats.put(p.target(), cats.get(p.target()).withState(CategoryState.RETIRED));
        case ADD_RELATION, CHANGE_RELATION -> rels.put(p.target(), byId(next.relations()).get(p.target()));
        case REMOVE_RELATION -> rels.remove(p.target());
        default -> throw new IllegalStateException();
      }
    }
    return CategorySystem.of(current.info(), new ArrayList<>(cats.values()), new ArrayList<>(rels.values()),
        "the upgrade to " + next.info().versionLabel());
  }

  /** {@code c} with one field taken from {@code from}. */
  static Category withField(Category c, String field, Category from) {
    return new Category(c.id(),
        field.equals("parent") ? from.parent() : c.parent(),
        field.equals("codable") ? from.codable() : c.codable(),
        field.equals("label") ? from.label() : c.label(),
        field.equals("definition") ? from.definition() : c.definition(),
        field.equals("indicators") ? from.indicators() : c.indicators(),
        field.equals("code_when") ? from.codeWhen() : c.codeWhen(),
        field.equals("do_not_code_when") ? from.doNotCodeWhen() : c.doNotCodeWhen(),
        field.equals("delimitations") ? from.delimitations() : c.delimitations(),
        field.equals("examples") ? from.examples() : c.examples(),
        field.equals("paper_section") ? from.paperSection() : c.paperSection(),
        field.equals("orientation_notes") ? from.orientationNotes() : c.orientationNotes(),
        field.equals("crying_form") ? from.cryingForm() : c.cryingForm(),
        c.state(), field.equals("exclusive_children") ? from.exclusiveChildren() : c.exclusiveChildren(),
        field.equals("scale") ? from.scale() : c.scale());
  }

  private static Map<UUID, Relation> byId(List<Relation> relations) {
    Map<UUID, Relation> m = new LinkedHashMap<>();
    relations.forEach(r -> m.put(r.id(), r));
    return m;
  }

  private static String describe(CategorySystem s, Relation r) {
    String from = s.byId(r.from()).map(c -> c.label().english()).orElse(r.from().toString());
    String to = s.byId(r.to()).map(c -> c.label().english()).orElse(r.to().toString());
    return "\"" + from + "\" " + r.kind().wording() + " \"" + to + "\"";
  }

  private static String render(String field, Object value, CategorySystem system) {
    if (field.equals("parent") && value instanceof Optional<?> o) {
      return o.map(p -> "under \"" + system.byId((UUID) p).map(c -> c.label().english()).orElse(p.toString()) + "\"")
          .orElse("at the top");
    }
    if (field.equals("exclusive_children") && value instanceof Boolean exclusive) {
      return exclusive ? "children mutually exclusive" : "children not exclusive";
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Delimitation) {
      // a neighbour by its label, as codebook diff names it
      return list.stream().map(d -> CodebookDiff.item(d, system)).collect(Collectors.joining(" | ", "[", "]"));
    }
    return CodebookDiff.render(value);
  }
}
