package org.lacrima.core.project;

import java.time.Instant;
import java.util.List;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.CodebookHistory;
import org.lacrima.core.codebook.SystemInfo;

/**
 * Gives a new project its own category system: a copy of a built-in system, recorded as the
 * project's base version, or none at all.
 */
public final class ProjectSeed {

  /** The name under which the seeded system is kept, for later comparison and replay. */
  public static final String BASE = CodebookHistory.BASE;

  private ProjectSeed() {
  }

  public static void from(ProjectSession session, CategorySystem system, String who, Instant now) {
    session.categories().replace(system);
    CodebookChange change = session.log().append(now, who,
        "seeded from the built-in category system " + system.info().versionLabel(),
        CodebookChange.Kind.SEED, "{\"summary\":\"seeded from " + system.info().versionLabel() + " ("
            + system.size() + " categories, " + system.relations().size() + " relations)\"}");
    session.categories().saveVersion(BASE, system, change.sequence());
    // the built-in version last taken over; upgrades compare against it
    session.categories().saveVersion(CodebookHistory.UPSTREAM, system, change.sequence());
  }

  public static void empty(ProjectSession session, String projectName, String who, Instant now) {
    CategorySystem none = CategorySystem.of(SystemInfo.empty(projectName), List.of(),
        List.of(), "empty project");
    session.categories().replace(none);
    CodebookChange change = session.log().append(now, who, "started without categories",
        CodebookChange.Kind.SEED_EMPTY, "{\"summary\":\"started without categories\"}");
    session.categories().saveVersion(BASE, none, change.sequence());
  }
}
