package org.lacrima.core.text;

/** A number with its noun, singular for one ("1 coding", "2 codings"), digits grouped as elsewhere in the output. */
public final class Counted {

  private Counted() {
  }

  /** For nouns whose plural adds an "s", as every noun counted in Lacrima's messages does. */
  public static String of(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
