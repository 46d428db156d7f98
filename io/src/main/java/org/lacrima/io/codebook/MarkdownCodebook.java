package org.lacrima.io.codebook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.lacrima.io.codebook.CodebookBlock.Field;
import org.lacrima.io.codebook.CodebookBlock.Heading;
import org.lacrima.io.codebook.CodebookBlock.Items;
import org.lacrima.io.codebook.CodebookBlock.Link;
import org.lacrima.io.codebook.CodebookBlock.Paragraph;
import org.lacrima.io.codebook.CodebookBlock.Table;
import org.lacrima.io.codebook.CodebookBlock.Tree;

/** The codebook as GitHub-flavoured Markdown, for a repository or a wiki. */
public final class MarkdownCodebook implements OutlinedCodebook {

  // Backslash-escaping is allowed before any ASCII punctuation in CommonMark, so escaping more than
  // strictly needed is harmless; these are the characters that start emphasis, links, raw HTML,
  // entities, code, strikethrough, headings' closing sequences or table cells, and the dollar sign that opens
  // mathematics in pandoc's Markdown and on GitHub.
  private static final String SPECIAL = "\\`*_[]<>|~&#$";
  // At the start of a list item or paragraph, followed by a space, these would open a nested list.
  private static final Pattern ORDERED_LIST_MARKER = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)");
  private static final Pattern BULLET_MARKER = Pattern.compile("^[-+](?=\\s|$)");
  // A line of - or = alone underlines the line before it as a heading ("Title" over "===") or is a rule ("---").
  private static final Pattern UNDERLINE = Pattern.compile("^[-=][-=\\s]*$");
  private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>]+");

  @Override
  public String name() {
    return "markdown";
  }

  @Override
  public String fileExtension() {
    return "md";
  }

  @Override
  public void write(CodebookOutline outline, OutputStream out) throws IOException {
    StringBuilder md = new StringBuilder();
    for (CodebookBlock block : outline.blocks()) {
      render(block, md);
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(md.toString());
    w.flush();
  }

  private static void render(CodebookBlock block, StringBuilder md) {
    switch (block) {
      case Heading h -> {
        if (!h.anchor().isEmpty()) {
          md.append("<a id=\"").append(h.anchor()).append("\"></a>\n\n");
        }
        md.append("#".repeat(h.level())).append(' ').append(escape(h.text())).append("\n\n");
      }
      case Paragraph p -> md.append(lines(p.text(), "")).append("\n\n");
      case Field f -> md.append("**").append(escape(f.name())).append(":** ").append(lines(f.value(), "")).append("\n\n");
      case Link l -> md.append("**").append(escape(l.name())).append(":** ")
          .append(SAFE_URL.matcher(l.url()).matches() ? "<" + l.url() + ">" : escape(l.url())).append("\n\n");
      case Items i -> {
        md.append("**").append(escape(i.name())).append(":**\n\n");
        i.items().forEach(item -> md.append("- ").append(lines(item, "  ")).append('\n'));
        md.append('\n');
      }
      case Tree t -> {
        for (Tree.Node n : t.nodes()) {
          // two spaces per level: the content column of "- ", where GitHub nests a list
          md.append("  ".repeat(n.depth())).append("- [").append(escape(n.label())).append("](#")
              .append(n.anchor()).append(')');
          if (!n.mark().isEmpty()) {
            md.append(" *(").append(escape(n.mark())).append(")*");
          }
          md.append('\n');
        }
        md.append('\n');
      }
      case Table t -> {
        row(t.header(), md);
        md.append("|").append(" --- |".repeat(t.header().size())).append('\n');
        t.rows().forEach(r -> row(r, md));
        md.append('\n');
      }
    }
  }

  private static void row(List<String> cells, StringBuilder md) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(escape(cell)).append(" |");
    }
    md.append('\n');
  }

  /**
   * User text whose own line breaks are kept as hard breaks (a backslash at the end of a line), each line made
   * literal on its own, so that a line that starts with "- " stays text; {@code indent} keeps a list item's
   * lines inside the item.
   */
  static String lines(String text, String indent) {
    List<String> paragraphs = new java.util.ArrayList<>();
    for (String paragraph : text.strip().split("\n\\s*\n")) {
      paragraphs.add(String.join("\\\n" + indent, paragraph.lines().map(MarkdownCodebook::escape)
          .filter(l -> !l.isEmpty()).toList()));
    }
    // an empty line between paragraphs; indented, it stays inside a list item
    return String.join("\n\n" + indent, paragraphs);
  }

  /** Makes user text literal in Markdown: inline, in list items and in table cells. */
  static String escape(String text) {
    String flat = CodebookOutline.flat(text);
    StringBuilder s = new StringBuilder(flat.length() + 8);
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        s.append('\\');
      }
      s.append(c);
    }
    String escaped = s.toString();
    if (BULLET_MARKER.matcher(escaped).find() || UNDERLINE.matcher(escaped).matches()) {
      return "\\" + escaped;
    }
    return ORDERED_LIST_MARKER.matcher(escaped).replaceFirst("$1\\\\$2");
  }
}
