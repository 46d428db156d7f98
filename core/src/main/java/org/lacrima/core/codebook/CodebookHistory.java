package org.lacrima.core.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectSession;

/**
 * A project's codebook over time: named versions (the base it was seeded with, the built-in version
 * it last took over as "upstream", the team's tags, and "current"), tagging, and replaying the log.
 */
public final class CodebookHistory {

  public static final String BASE = "base";
  public static final String UPSTREAM = "upstream";
  public static final String CURRENT = "current";
  private static final Set<String> RESERVED = Set.of(BASE, UPSTREAM, CURRENT);

  private CodebookHistory() {
  }

  /**
   * The name under which an upgrade keeps the upstream it replaced: not a possible tag (tags start with a
   * letter or digit and hold no "@"), and left out of the version names shown.
   */
  static String upstreamBefore(long upgrade) {
    return UPSTREAM + "@" + upgrade;
  }

  /** The versions a user can name: tags and the reserved ones, not the upstreams kept for undo. */
  static List<String> shownVersions(ProjectSession s) {
    return s.categories().versionNames().stream().filter(n -> !n.equals(UPSTREAM) && !n.contains("@")).toList();
  }

  /** A version by name: "current", "base", "upstream" or a tag. */
  public static CategorySystem version(ProjectSession s, String asked) {
    // as tag stores it: a name typed with a stray space is the same name
    String name = asked.strip();
    if (name.equals(CURRENT)) {
      return s.categories().current();
    }
    if (name.equals(UPSTREAM)) {
      return s.categories().version(UPSTREAM).orElseGet(() -> version(s, BASE));
    }
    return s.categories().version(name).orElseThrow(() -> new InputException("no codebook version \"" + name
        + "\"; the project has: current, " + String.join(", ", shownVersions(s)) + " and upstream (the built-in "
        + "version last taken over)"));
  }

  /** Freezes the current system under a name, for comparison and export later. */
  public static CodebookChange tag(ProjectSession s, CategoryOperations.Attribution by, String name) {
    String n = name.strip();
    if (!n.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*")) {
      throw new InputException("a tag is letters, digits and . _ - (starting with a letter or digit): \"" + name + "\"");
    }
    org.lacrima.core.text.Names.lengthProblem("a tag", n).ifPresent(problem -> {
      throw new InputException(problem);
    });
    if (RESERVED.contains(n) || s.categories().version(n).isPresent()) {
      throw new InputException("the tag \"" + n + "\" is " + (RESERVED.contains(n) ? "reserved" : "already used")
          + "; choose another name");
    }
    // "Pilot" beside "pilot" would be two versions a reader takes for one
    java.util.Optional<String> alike = java.util.stream.Stream.concat(RESERVED.stream(),
        s.categories().versionNames().stream()).filter(v -> v.equalsIgnoreCase(n)).findFirst();
    if (alike.isPresent()) {
      throw new InputException("the tag \"" + n + "\" differs from \"" + alike.get() + "\" only in case; choose "
          + "another name");
    }
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("operation", "tag");
    details.put("summary", "tagged this version \"" + n + "\"");
    details.putObject("parameters").put("tag", n);
    CodebookChange change = s.log().append(by.at(), by.who(), by.why(), CodebookChange.Kind.TAG,
        CategorySystemCodec.compact(details));
    s.categories().saveVersion(n, s.categories().current(), change.sequence());
    return change;
  }

  /** The system the log arrives at when replayed from the base version. */
  public static CategorySystem replay(ProjectSession s) {
    CategorySystem system = version(s, BASE);
    long from = s.categories().versionSequence(BASE).orElse(0);
    List<CodebookChange> log = s.log().all();
    for (CodebookChange c : log) {
      if (c.sequence() <= from) {
        continue;
      }
      JsonNode details = CategorySystemCodec.parseJson(c.details(), "log entry " + c.sequence());
      if (details.has("delta")) {
        system = SystemDelta.fromJson(details.get("delta"), "log entry " + c.sequence())
            .applyTo(system, "replaying #" + c.sequence());
      }
    }
    return system;
  }

  /** The one-line summary a log entry carries. */
  public static String summary(CodebookChange c) {
    JsonNode details = CategorySystemCodec.parseJson(c.details(), "log entry " + c.sequence());
    return details.path("summary").asText(c.kind().code());
  }
}
