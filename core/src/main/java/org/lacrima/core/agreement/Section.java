package org.lacrima.core.agreement;

/**
 * A piece of one coder's partition of the continuum for one category: a coded span or the gap between two
 * (Krippendorff 2004). Every position of the continuum lies in exactly one section of each coder.
 */
public record Section(long begin, long length, boolean coded) {

  public Section {
    if (length < 0) {
      throw new IllegalArgumentException("a section cannot have length " + length);
    }
  }

  public long end() {
    return begin + length;
  }

  /**
   * Krippendorff's (2004) δ² between sections of two coders: two overlapping coded sections differ by the
   * squared shifts of their begins and ends; a coded section lying wholly inside the other coder's gap
   * differs by its squared length; anything else (a gap not holding the span, two gaps, sections that do
   * not overlap) by 0.
   */
  public static double delta2(Section a, Section b) {
    if (a.coded && b.coded) {
      if (a.begin < b.end() && b.begin < a.end()) {
        double starts = a.begin - b.begin;
        double ends = a.end() - b.end();
        return starts * starts + ends * ends;
      }
      return 0;
    }
    if (a.coded && !b.coded && b.begin <= a.begin && a.end() <= b.end()) {
      return (double) a.length * a.length;
    }
    if (b.coded && !a.coded && a.begin <= b.begin && b.end() <= a.end()) {
      return (double) b.length * b.length;
    }
    return 0;
  }
}
