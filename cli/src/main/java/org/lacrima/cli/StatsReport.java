package org.lacrima.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lacrima.core.text.Counted;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.consensus.Consensus;
import org.lacrima.core.project.ProjectStatistics;
import org.lacrima.core.project.ProjectStatistics.CategoryRow;

/** Prints project statistics as plain-text tables. */
final class StatsReport {

  private static final int LABEL_WIDTH = 66;

  void print(ProjectStatistics st, PrintWriter out) {
    // the consensus layer is a coder like any other, but a total that mixes it with the coders' work says so
    long layer = st.coders().stream().filter(c -> c.name().equals(Consensus.LAYER)).findFirst()
        .map(c -> st.categories().stream().mapToLong(r -> r.byCoder().getOrDefault(c.id(), 0L)).sum()).orElse(0L);
    out.printf("%s, %s, %s, %s, %s%s%n", Counted.of(st.documents(), "document"), Counted.of(st.words(), "word"),
        Counted.of(st.turns(), "turn"), Counted.of(st.units(), "meaning unit"), Counted.of(st.codings(), "coding"),
        layer == 0 ? "" : String.format(" (%,d of them the consensus layer's)", layer));
    if (!st.documentsByOrientation().isEmpty()) {
      List<String> parts = new ArrayList<>();
      st.documentsByOrientation().forEach((o, n) -> parts.add(o + " " + n));
      out.println("Documents by orientation: " + String.join(", ", parts));
    }
    if (st.categories().isEmpty()) {
      out.println("The project has no categories.");
      return;
    }
    out.println();
    out.println("Codings per category and coder");
    List<String> coderNames = st.coders().stream().map(Coder::name).toList();
    table(st, coderNames, row -> st.coders().stream().map(c -> row.byCoder().get(c.id())).toList(), out);
    out.println();
    out.println("Codings per category and orientation (all coders" + (layer == 0 ? "" : ", the consensus layer among them")
        + ")");
    table(st, st.orientations(), row -> st.orientations().stream().map(o -> row.byOrientation().get(o)).toList(), out);
  }

  /** Category rows with the category tree indented, one column per key, and a total. */
  void table(ProjectStatistics st, List<String> columns, Function<CategoryRow, List<Long>> values, PrintWriter out) {
    StringBuilder header = new StringBuilder(pad("category", LABEL_WIDTH));
    for (String c : columns) {
      header.append(' ').append(leftPad(c, width(c)));
    }
    header.append(' ').append(leftPad("total", 7));
    out.println(header);
    java.util.Map<java.util.UUID, String> labels = new java.util.HashMap<>();
    st.categories().forEach(r -> labels.put(r.category().id(), r.category().label().english()));
    for (CategoryRow row : st.categories()) {
      // a category that takes no new codings says why its count stands still, as the codebook tree does
      String state = switch (row.category().state().status()) {
        case ACTIVE -> "";
        case RETIRED -> " [retired]";
        // where its codings are counted now
        case MERGED -> " [merged into " + shortened(labels.getOrDefault(row.category().state().successors().get(0),
            "another"), 24) + "]";
        case SPLIT -> " [split: waiting for review]";
      };
      String label = row.category().label().english();
      // the mark survives a long label: the label is cut, not the mark
      StringBuilder line = new StringBuilder(pad("  ".repeat(row.depth())
          + (state.isEmpty() ? label : shortened(label, LABEL_WIDTH - 2 * row.depth() - state.length()) + state),
          LABEL_WIDTH));
      List<Long> v = values.apply(row);
      for (int i = 0; i < columns.size(); i++) {
        line.append(' ').append(leftPad(row.category().codable() ? String.format("%,d", v.get(i)) : "", width(columns.get(i))));
      }
      line.append(' ').append(leftPad(row.category().codable() ? String.format("%,d", row.total()) : "", 7));
      out.println(line);
    }
  }

  /** Cut to {@code width} characters, counted and cut as code points: a cut inside an emoji would print "?". */
  private static String shortened(String s, int width) {
    return length(s) <= width || width < 2 ? s : s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  private static int width(String column) {
    return Math.max(7, column.length());
  }

  private static String pad(String s, int width) {
    if (length(s) > width) {
      return shortened(s, width);
    }
    return s + " ".repeat(width - length(s));
  }

  private static String leftPad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
