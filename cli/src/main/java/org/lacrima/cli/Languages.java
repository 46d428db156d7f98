package org.lacrima.cli;

import org.lacrima.core.InputException;

/** The languages the category system is written in. */
final class Languages {

  private Languages() {
  }

  static String check(String language) {
    if (!language.equals("en") && !language.equals("de")) {
      throw new InputException("--lang " + language + ": the category system is written in en and de");
    }
    return language;
  }
}
