package org.lacrima.cli;

import picocli.CommandLine.Option;

/** Who is doing something: recorded with imports and codebook changes. */
final class Actor {

  @Option(names = "--as", paramLabel = "NAME",
      description = "Who does this, for the project's records (default: your user name on this computer).")
  String name;

  String name() {
    return org.lacrima.core.text.Names.person(name != null && !name.isBlank() ? name
        : System.getProperty("user.name", "unknown"));
  }
}
