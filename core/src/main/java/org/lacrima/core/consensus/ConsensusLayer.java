package org.lacrima.core.consensus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.lacrima.core.Ids;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.Memo;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.Counted;
import org.lacrima.core.text.Names;

/**
 * The consensus layer as a coder among the others: which of its codings a build made (and the next build makes
 * anew) and which it was given otherwise, what may not be changed by hand, and dropping it. {@link Consensus}
 * builds it.
 */
public final class ConsensusLayer {

  /** How the project memo a drop leaves begins. */
  static final String DROPPED = "Consensus layer dropped by ";

  private ConsensusLayer() {
  }

  /**
   * The id a build gives a coding of the layer: from where it lies (its span and category, which the layer holds
   * once), so that a coding given the layer by hand, or a build's coding moved since, is told from one the next
   * build may replace, whatever its memo says. The memo is left out: a repeated decision or a merge joins memos.
   */
  static UUID builtId(UUID document, int start, int end, UUID category) {
    return UUID.nameUUIDFromBytes(("lacrima consensus|" + document + "|" + start + "|" + end + "|" + category)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** What dropping the layer did. */
  public record Dropped(int codings, int keptByHand, int decisions) {
  }

  /**
   * Drops the consensus layer: the codings builds made and the units they judged go, and the saved study with them;
   * the decisions stay, and apply again when a layer is built. A note on the project says who dropped it, when and
   * why. Codings given the layer by hand are no build's: they stay, and are counted.
   */
  public static Dropped drop(ProjectSession s, String why, String who, Instant at) {
    if (Names.saysNothing(why)) {
      throw new InputException("say why the consensus layer goes, with --why: the reason stays with the project");
    }
    Names.refuseControls("--why", why);
    Coder layer = s.coders().byName(Consensus.LAYER).orElseThrow(() -> new InputException("this project has no consensus "
        + "layer to drop"));
    Predicate<Coding> built = madeByBuild(s);
    List<Coding> all = s.codings().byCoder(layer.id());
    List<UUID> builtIds = all.stream().filter(built).map(Coding::id).toList();
    s.codings().delete(builtIds);
    s.coverage().removeAll(layer.id());
    s.consensus().forgetStudy();
    int decisions = s.consensus().all().size();
    s.memos().add(new Memo(Ids.next(), Memo.Target.PROJECT,
        s.project().id(), who, at, DROPPED + who + " (" + Counted.of(builtIds.size(), "coding")
            + " of its builds; " + Counted.of(decisions, "decision") + " kept). Why: " + why.strip()));
    return new Dropped(builtIds.size(), all.size() - builtIds.size(), decisions);
  }

  /**
   * Refuses deleting codings a consensus build made: the layer is rebuilt from the coders' codings and the decisions,
   * so such a deletion would last until the next build and bring the coding back unsaid, while status called the
   * layer complete meanwhile.
   */
  public static void refuseDeletingBuilt(ProjectSession s, Collection<UUID> ids) {
    refuseChangingBuilt(s, ids, "deleted");
  }

  /** Refuses editing a coding the consensus build made: the next build would make it again as it was. */
  public static void refuseEditingBuilt(ProjectSession s, UUID id) {
    refuseChangingBuilt(s, List.of(id), "edited");
  }

  private static void refuseChangingBuilt(ProjectSession s, Collection<UUID> ids, String done) {
    List<UUID> derived = s.codings().byIds(new LinkedHashSet<>(ids)).values().stream()
        .filter(layersBuild(s)).map(Coding::id).toList();
    if (!derived.isEmpty()) {
      throw new InputException(Counted.of(derived.size(), "coding") + " (" + derived.get(0)
          + (derived.size() > 1 ? ", …" : "") + ") " + (derived.size() == 1 ? "was" : "were") + " made by the consensus "
          + "build, which makes the layer anew from the coders' codings and the decisions: " + done + " here, "
          + (derived.size() == 1 ? "it" : "they") + " would come back as " + (derived.size() == 1 ? "it was" : "they were")
          + " with the next build. The layer changes with the decisions (consensus decide) and with the coders' "
          + "codings, and goes whole with consensus drop; nothing was " + done);
    }
  }

  /** The consensus layer's coder, where the project has one. */
  public static Optional<UUID> coder(ProjectSession s) {
    return s.coders().byName(Consensus.LAYER).map(Coder::id);
  }

  /**
   * How many codings of the coder "consensus" no build made as they are (imported from another project's export,
   * given by hand, or given a note by an import since): a build would replace them, so build and decide refuse while
   * they are there.
   */
  public static long notBuilt(ProjectSession s) {
    Optional<UUID> layer = coder(s);
    if (layer.isEmpty()) {
      return 0;
    }
    Predicate<Coding> built = madeByBuild(s);
    return s.codings().byCoder(layer.get()).stream().filter(built.negate()).count();
  }

  /** What {@link #notBuilt} means for the team, where there are such codings. */
  public static Optional<String> notBuiltNote(long codings) {
    return codings == 0 ? Optional.empty() : Optional.of(Counted.of(codings, "coding") + " of the coder \"" + Consensus.LAYER
        + "\" " + (codings == 1 ? "was" : "were") + " not made as they are by a consensus build of this project "
        + "(imported from a file, given by hand, or given a note since), and a build would replace them: consensus "
        + "(build and decide) refuses until they go (building, consensus PROJECT --coders A,B, says how)");
  }

  /** Whether a coding is one of the layer as a build made it. */
  public static Predicate<Coding> layersBuild(ProjectSession s) {
    Optional<UUID> layer = coder(s);
    Predicate<Coding> built = madeByBuild(s);
    return c -> layer.isPresent() && layer.get().equals(c.coder()) && built.test(c);
  }

  /**
   * Whether a coding of the layer is one a build made, as it made it: its id is the one a build gives where it
   * lies ({@link #builtId}), on its category or one that category took over by a merge or split since, and its
   * memo is all the build's. A layer built by an earlier id scheme (its saved study says so) is read by its memos.
   */
  public static Predicate<Coding> madeByBuild(ProjectSession s) {
    boolean memosOnly = s.consensus().study().map(j -> !ConsensusStudy.marksBuiltCodings(j)).orElse(false);
    Set<String> coderNames = new HashSet<>();
    s.coders().list().forEach(c -> coderNames.add(c.name()));
    CategorySystem system = s.categories().current();
    Map<UUID, List<UUID>> formerly = new HashMap<>();
    // a memo the build did not write (a note joined to it by an import) would be lost by the next build
    return c -> builtOn(c, formerly.computeIfAbsent(c.category(), system::predecessors))
        && c.memo().lines().allMatch(l -> memoOfBuild(l, coderNames)) || memosOnly && memoOfBuild(c.memo(), coderNames);
  }

  /** Whether a coding of the layer is as a build made it, on its category or one that category took over. */
  private static boolean builtOn(Coding c, List<UUID> formerly) {
    return c.id().equals(builtId(c.document(), c.start(), c.end(), c.category()))
        || formerly.stream().anyMatch(category -> c.id().equals(builtId(c.document(), c.start(), c.end(), category)));
  }

  /**
   * Whether a memo (or one line of a memo joined from several) is one a build writes: "agreed by" the project's
   * coders, or "decided (take|both|neither|new): " and a rationale (perhaps one replaced since). A note a person
   * wrote is not, and the rebuild would lose it.
   */
  private static boolean memoOfBuild(String memo, Set<String> coderNames) {
    if (memo.startsWith(Consensus.AGREED)) {
      return namesJoined(memo.substring(Consensus.AGREED.length()), coderNames);
    }
    return java.util.Arrays.stream(ConsensusDecision.Kind.values())
        .anyMatch(k -> memo.startsWith(Consensus.DECIDED + k.code() + "): "));
  }

  /**
   * Whether {@code list} is coders' names joined by ", ": a name may hold ", " itself ("Smith, J"), so the list is
   * read name by name from the left, trying each coder whose name it starts with.
   */
  private static boolean namesJoined(String list, Set<String> coderNames) {
    if (coderNames.contains(list)) {
      return true;
    }
    for (String name : coderNames) {
      if (list.startsWith(name + ", ") && namesJoined(list.substring(name.length() + 2), coderNames)) {
        return true;
      }
    }
    return false;
  }
}
