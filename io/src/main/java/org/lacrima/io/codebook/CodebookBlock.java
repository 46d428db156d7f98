package org.lacrima.io.codebook;

import java.util.List;

/**
 * The pieces a codebook document is made of, independent of markup: the outline decides what is
 * said and in which order, each format only how it looks. All texts are plain and unescaped.
 */
sealed interface CodebookBlock {

  /** {@code anchor} is empty where nothing links to the heading. */
  record Heading(int level, String text, String anchor) implements CodebookBlock {
  }

  record Paragraph(String text) implements CodebookBlock {
  }

  /** A named value on one line: "Definition: …". */
  record Field(String name, String value) implements CodebookBlock {
  }

  /** A named web address, which formats that can link should link. */
  record Link(String name, String url) implements CodebookBlock {
  }

  /** A named list: "Indicators:" and one item per line. */
  record Items(String name, List<String> items) implements CodebookBlock {
    public Items {
      items = List.copyOf(items);
    }
  }

  /** The categories as an indented tree, in pre-order; each node links to its section. */
  record Tree(List<Node> nodes) implements CodebookBlock {
    public Tree {
      nodes = List.copyOf(nodes);
    }

    /** {@code mark} says what the label alone does not: grouping node, retired, merged or split, exclusive subcategories. */
    record Node(int depth, String label, String anchor, String mark) {
    }
  }

  record Table(List<String> header, List<List<String>> rows) implements CodebookBlock {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
