package org.lacrima.core.project;

import java.util.List;
import java.util.Optional;
import org.lacrima.core.codebook.CategorySystem;

/** The project's own category system and its frozen versions. */
public interface CategoryRepository {

  CategorySystem current();

  /** Replaces the whole current system (categories and relations). */
  void replace(CategorySystem system);

  /**
   * Freezes a version under a name ("base" at seeding, "upstream" for the built-in version last
   * taken over, and the team's tags), replacing a version of that name.
   */
  void saveVersion(String name, CategorySystem system, long logSequence);

  /** The log sequence a version was frozen at. */
  java.util.OptionalLong versionSequence(String name);

  Optional<CategorySystem> version(String name);

  List<String> versionNames();
}
