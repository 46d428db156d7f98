package org.lacrima.io.codebook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.lacrima.io.codebook.CodebookBlock.Field;
import org.lacrima.io.codebook.CodebookBlock.Heading;
import org.lacrima.io.codebook.CodebookBlock.Items;
import org.lacrima.io.codebook.CodebookBlock.Link;
import org.lacrima.io.codebook.CodebookBlock.Paragraph;
import org.lacrima.io.codebook.CodebookBlock.Table;
import org.lacrima.io.codebook.CodebookBlock.Tree;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The codebook as a Word document, the form a lecturer hands to student coders and they annotate.
 * A blank POI document has no styles, so the heading styles are defined here (Word then shows the
 * headings in its navigation pane) and the heading runs are formatted as well, for readers that
 * ignore styles.
 */
public final class DocxCodebook implements OutlinedCodebook {

  /** Font size in points of heading levels 1 to 4. */
  private static final int[] HEADING_POINTS = {20, 16, 13, 12};
  private static final int INDENT_TWIPS = 360;

  @Override
  public String name() {
    return "docx";
  }

  @Override
  public String fileExtension() {
    return "docx";
  }

  @Override
  public void write(CodebookOutline outline, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFStyles styles = doc.createStyles();
      styles.setSpellingLanguage(outline.language() == CodebookLanguage.GERMAN ? "de-DE" : "en-GB");
      for (int level = 1; level <= HEADING_POINTS.length; level++) {
        styles.addStyle(new XWPFStyle(headingStyle(level), styles));
      }
      doc.getProperties().getCoreProperties().setTitle(outline.title());
      doc.getProperties().getCoreProperties().setCreator("Lacrima");
      for (CodebookBlock block : outline.blocks()) {
        render(block, doc);
      }
      doc.write(out);
    }
    out.flush();
  }

  private static CTStyle headingStyle(int level) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId("Heading" + level);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal("heading " + level);
    style.addNewQFormat();
    CTPPrGeneral paragraph = style.addNewPPr();
    paragraph.addNewKeepNext();
    paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1L));
    paragraph.addNewSpacing().setBefore(BigInteger.valueOf(level == 1 ? 0 : 240L));
    CTRPr run = style.addNewRPr();
    run.addNewB();
    run.addNewSz().setVal(BigInteger.valueOf(HEADING_POINTS[level - 1] * 2L));
    return style;
  }

  private static void render(CodebookBlock block, XWPFDocument doc) {
    switch (block) {
      case Heading h -> {
        int level = Math.min(h.level(), HEADING_POINTS.length);
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        XWPFRun r = p.createRun();
        r.setBold(true);
        r.setFontSize(HEADING_POINTS[level - 1]);
        r.setText(h.text());
      }
      case Paragraph p -> lines(doc.createParagraph().createRun(), p.text());
      case Field f -> {
        XWPFParagraph p = named(doc, f.name());
        lines(p.createRun(), " " + f.value());
      }
      case Link l -> {
        XWPFParagraph p = named(doc, l.name());
        p.createRun().setText(" " + l.url());
      }
      case Items i -> {
        named(doc, i.name()).setKeepNext(true);
        i.items().forEach(item -> bullet(doc, item));
      }
      case Tree t -> t.nodes().forEach(n -> treeNode(doc, n));
      case Table t -> table(doc, t);
    }
  }

  private static XWPFParagraph named(XWPFDocument doc, String name) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(60);
    XWPFRun r = p.createRun();
    r.setBold(true);
    r.setText(name + ":");
    return p;
  }

  private static void bullet(XWPFDocument doc, String item) {
    XWPFParagraph p = doc.createParagraph();
    p.setIndentationLeft(INDENT_TWIPS);
    p.setIndentationHanging(INDENT_TWIPS / 2);
    p.setSpacingAfter(40);
    lines(p.createRun(), "• " + item);
  }

  /** User text with its own line breaks kept, as breaks within the paragraph. */
  private static void lines(XWPFRun r, String text) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        r.addBreak();
      }
      r.setText(lines.get(i), i);
    }
  }

  private static void treeNode(XWPFDocument doc, Tree.Node n) {
    XWPFParagraph p = doc.createParagraph();
    p.setIndentationLeft(INDENT_TWIPS * n.depth());
    p.setSpacingAfter(0);
    XWPFRun label = p.createRun();
    label.setText(n.label());
    if (!n.mark().isEmpty()) {
      label.setBold(true);
      XWPFRun mark = p.createRun();
      mark.setItalic(true);
      mark.setText(" (" + n.mark() + ")");
    }
  }

  private static void table(XWPFDocument doc, Table t) {
    XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
    table.setWidth("100%");
    fill(table, 0, t.header(), true);
    for (int i = 0; i < t.rows().size(); i++) {
      fill(table, i + 1, t.rows().get(i), false);
    }
    // Word joins a table to a following one; an empty paragraph keeps it apart from what comes next.
    doc.createParagraph();
  }

  private static void fill(XWPFTable table, int row, List<String> cells, boolean header) {
    for (int c = 0; c < cells.size(); c++) {
      XWPFTableCell cell = table.getRow(row).getCell(c);
      XWPFRun r = cell.getParagraphs().get(0).createRun();
      r.setBold(header);
      r.setText(cells.get(c));
    }
  }
}
