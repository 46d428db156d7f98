package org.lacrima.io.codebook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.lacrima.io.codebook.CodebookBlock.Field;
import org.lacrima.io.codebook.CodebookBlock.Heading;
import org.lacrima.io.codebook.CodebookBlock.Items;
import org.lacrima.io.codebook.CodebookBlock.Link;
import org.lacrima.io.codebook.CodebookBlock.Paragraph;
import org.lacrima.io.codebook.CodebookBlock.Table;
import org.lacrima.io.codebook.CodebookBlock.Tree;

/**
 * The codebook as one self-contained web page: it is mailed around and opened from disk, so it
 * carries its own style and loads nothing, and it runs no scripts. Written as well-formed XHTML
 * syntax (self-closed void elements) so that it also survives XML tools.
 */
public final class HtmlCodebook implements OutlinedCodebook {

  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; \
      line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; \
      overflow-wrap: anywhere; }
      h1 { font-size: 1.8rem; } h2 { font-size: 1.4rem; border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
      h3 { font-size: 1.15rem; margin-top: 2rem; border-top: 1px solid #eee; padding-top: 1rem; }
      .field { margin: 0.3rem 0; } .name { font-weight: 600; }
      .mark { font-style: italic; color: #666; }
      nav ul { list-style: none; padding-left: 1.2rem; } nav > ul { padding-left: 0; }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: #f0f0f0; }
      """;
  // Only plain web addresses become links: a "javascript:" address would be a script after all.
  private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String fileExtension() {
    return "html";
  }

  @Override
  public void write(CodebookOutline outline, OutputStream out) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(outline.language().code())).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\" />\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .append("<title>").append(escape(outline.title())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    for (CodebookBlock block : outline.blocks()) {
      render(block, html);
    }
    html.append("</body>\n</html>\n");
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(html.toString());
    w.flush();
  }

  private static void render(CodebookBlock block, StringBuilder html) {
    switch (block) {
      case Heading h -> {
        html.append("<h").append(h.level());
        if (!h.anchor().isEmpty()) {
          html.append(" id=\"").append(escape(h.anchor())).append('"');
        }
        html.append('>').append(escape(h.text())).append("</h").append(h.level()).append(">\n");
      }
      case Paragraph p -> html.append("<p>").append(lines(p.text())).append("</p>\n");
      case Field f -> name(f.name(), html).append(' ').append(lines(f.value())).append("</p>\n");
      case Link l -> {
        name(l.name(), html).append(' ');
        if (WEB_ADDRESS.matcher(l.url()).matches()) {
          html.append("<a href=\"").append(escape(l.url())).append("\">").append(escape(l.url())).append("</a>");
        } else {
          html.append(escape(l.url()));
        }
        html.append("</p>\n");
      }
      case Items i -> {
        name(i.name(), html).append("</p>\n<ul>\n");
        i.items().forEach(item -> html.append("<li>").append(lines(item)).append("</li>\n"));
        html.append("</ul>\n");
      }
      case Tree t -> tree(t, html);
      case Table t -> {
        html.append("<table>\n<thead>\n<tr>");
        t.header().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (var row : t.rows()) {
          html.append("<tr>");
          row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
          html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
      }
    }
  }

  private static StringBuilder name(String name, StringBuilder html) {
    return html.append("<p class=\"field\"><span class=\"name\">").append(escape(name)).append(":</span>");
  }

  /** Nested lists from the pre-order depths; a child is always exactly one level below its parent. */
  private static void tree(Tree t, StringBuilder html) {
    html.append("<nav>\n<ul>\n");
    int depth = 0;
    boolean first = true;
    for (Tree.Node n : t.nodes()) {
      if (!first && n.depth() > depth) {
        html.append("\n<ul>\n");
      } else if (!first) {
        html.append("</li>\n");
        for (; depth > n.depth(); depth--) {
          html.append("</ul>\n</li>\n");
        }
      }
      first = false;
      depth = n.depth();
      html.append("<li><a href=\"#").append(escape(n.anchor())).append("\">").append(escape(n.label())).append("</a>");
      if (!n.mark().isEmpty()) {
        html.append(" <span class=\"mark\">(").append(escape(n.mark())).append(")</span>");
      }
    }
    if (!first) {
      html.append("</li>\n");
      for (; depth > 0; depth--) {
        html.append("</ul>\n</li>\n");
      }
    }
    html.append("</ul>\n</nav>\n");
  }

  /** User text with its own line breaks kept. */
  static String lines(String text) {
    return escape(text.strip()).replace("\r", "").replace("\n", "<br />\n");
  }

  /** For text and for attribute values alike. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
