package org.lacrima.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lacrima.core.InputException;

/**
 * Repeatable NAME=VALUE options (--var, --where), read as a list of strings: a map option would keep the last of two
 * values of one name and drop the first unsaid.
 */
final class NameValues {

  /** What to say of a name given twice with two values. */
  @FunctionalInterface
  interface Twice {
    String message(String name, String first, String second);
  }

  private NameValues() {
  }

  /** The pairs in order; {@code example} shows the form ("orientation=PDT"). The same pair twice is one. */
  static Map<String, String> parse(String option, List<String> args, String example, Twice twice) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new InputException(option + " " + arg + ": write NAME=VALUE, e.g. " + option + " " + example);
      }
      String name = arg.substring(0, eq).strip();
      String value = arg.substring(eq + 1);
      String earlier = out.putIfAbsent(name, value);
      if (earlier != null && !earlier.equals(value)) {
        throw new InputException(twice.message(name, earlier, value));
      }
    }
    return out;
  }
}
