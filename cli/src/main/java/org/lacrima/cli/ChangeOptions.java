package org.lacrima.cli;

import java.time.Instant;
import org.lacrima.core.codebook.CategoryOperations;
import picocli.CommandLine.Option;

/** Who changes the category system and why: every change is logged with both. */
final class ChangeOptions {

  @Option(names = "--why", required = true, paramLabel = "TEXT",
      description = "Why this change is made (required; kept with the change, in the codebook log or the memo it leaves).")
  String why;

  @Option(names = "--as", paramLabel = "NAME",
      description = "Who makes the change (default: your user name on this computer).")
  String as;

  CategoryOperations.Attribution attribution() {
    String who = org.lacrima.core.text.Names.person(as != null && !as.isBlank() ? as
        : System.getProperty("user.name", "unknown"));
    return new CategoryOperations.Attribution(who, why, Instant.now());
  }
}
