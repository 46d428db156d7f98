package org.lacrima.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.Relation;
import org.lacrima.io.codebook.CategoryStateWording;

/** Prints a category system as an indented tree, and the relations between its categories. */
final class CategoryTree {

  private final boolean unicode = Console.unicode();

  private CategorySystem system;

  void print(CategorySystem system, String language, PrintWriter out, Map<UUID, String> annotations) {
    this.system = system;
    for (Category root : system.roots()) {
      out.println(label(root, language) + annotation(root, annotations));
      printChildren(system, root, "", language, out, annotations);
    }
  }

  private void printChildren(CategorySystem system, Category parent, String indent, String language, PrintWriter out,
      Map<UUID, String> annotations) {
    List<Category> children = system.children(parent.id());
    for (int i = 0; i < children.size(); i++) {
      Category c = children.get(i);
      boolean last = i == children.size() - 1;
      String branch = unicode ? (last ? "└─ " : "├─ ") : (last ? "`- " : "|- ");
      out.println(indent + branch + label(c, language) + annotation(c, annotations));
      printChildren(system, c, indent + (last ? "   " : unicode ? "│  " : "|  "), language, out, annotations);
    }
  }

  void printRelations(CategorySystem system, String language, PrintWriter out) {
    if (system.relations().isEmpty()) {
      return;
    }
    String arrow = unicode ? " → " : " -> ";
    String both = unicode ? " ↔ " : " <-> ";
    out.println();
    out.println(language.equals("de") ? "Beziehungen zwischen Kategorien (unsere Übersetzung, dahinter die Worte des Artikels):"
        : "Relations between categories, in the paper's wording:");
    for (Relation r : system.relations()) {
      out.println("  " + system.get(r.from()).label().in(language) + (r.kind().symmetric() ? both : arrow)
          + system.get(r.to()).label().in(language) + "   (" + r.kind().wording(language) + ")");
    }
  }

  private String label(Category c, String language) {
    boolean de = language.equals("de");
    String mark = c.codable() ? "" : de ? "  [Gruppierung, wird nicht kodiert]" : "  [grouping node, not coded]";
    if (!c.state().isActive()) {
      mark += "  [" + CategoryStateWording.of(c, language, id -> "\"" + system.get(id).label().in(language) + "\"")
          + "]";
    }
    if (c.exclusiveChildren()) {
      mark += de ? "  [Unterkategorien schließen sich aus]" : "  [children exclusive]";
    }
    // a label the team gave in English only, shown in a German tree, says so, as the exports do
    String fallback = c.label().exactly(language).isPresent() || c.label().isEmpty() ? "" : de ? " [nur Englisch]"
        : " [German only]";
    return c.label().in(language) + fallback + mark;
  }

  private static String annotation(Category c, Map<UUID, String> annotations) {
    String a = annotations.get(c.id());
    return a == null ? "" : "  " + a;
  }
}
