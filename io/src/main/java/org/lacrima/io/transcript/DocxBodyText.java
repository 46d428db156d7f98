package org.lacrima.io.transcript;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.XmlCursor;

/**
 * The text of a DOCX body as Word shows it with tracked changes accepted: paragraphs become lines, in reading order
 * through tables, content controls and any container.
 *
 * <p>The body is walked as XML rather than through POI's paragraphs: POI gives a content control (w:sdt) only as one
 * flattened text, with table cells joined by tabs, and its paragraph text carries "[footnoteRef:1]" markers and the
 * notes themselves, which were not said in the interview.
 *
 * <p>Elements the walk does not name are walked into, not skipped: Word wraps runs in many containers (w:dir, w:bdo,
 * w:smartTag, w:customXml, w:sdt, w:hyperlink, w:ins, drawings, text boxes, and others yet to come), and text that
 * vanished because its container was unknown would be text a coder never sees. Only what is deliberately not the
 * document's text is left out: tracked deletions (of text, of a paragraph's end, of a table row), hidden text (also
 * where a style hides it: {@link DocxStyles}), the
 * instructions of fields (with any field nested in them), and the ruby text above a base text.
 */
final class DocxBodyText {

  private static final String WORDPROCESSING_ML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  private static final String MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math";

  /** A body holding what cannot be read as text here; {@code element} names it. */
  static final class Unreadable extends RuntimeException {
    private final String element;

    Unreadable(String element, String problem) {
      super(problem, null, false, false);
      this.element = element;
    }

    String element() {
      return element;
    }
  }

  private final StringBuilder text;
  /**
   * The complex fields open at this point of the walk, innermost first: true while between a field's begin and its
   * separator, where its instructions stand (and the results of fields nested in them), false in its result.
   */
  private final Deque<Boolean> fields = new ArrayDeque<>();
  /** The paragraph (counted from 1) each open field began in, innermost first. */
  private final Deque<Integer> fieldBegunIn = new ArrayDeque<>();
  private int paragraphs;
  /** As much text as a transcript file may hold: a small package may unpack to far more. */
  static final long MAX_CHARACTERS = TranscriptFiles.MAX_BYTES;
  private final DocxStyles styles;
  /** Whether the paragraphs open at this point of the walk (text boxes nest them) hide their runs by their style. */
  private final Deque<Boolean> paragraphHides = new ArrayDeque<>();

  DocxBodyText(StringBuilder text, DocxStyles styles) {
    this.text = text;
    this.styles = styles;
  }

  /** Paragraphs become lines. */
  void appendBlocks(XmlCursor cursor) {
    appendBlocks(cursor, text);
    if (fields.contains(Boolean.TRUE)) {
      // until its end, all is taken for the field's instructions: the rest of the document would be lost unsaid
      throw new Unreadable("w:fldChar", "a field begun in paragraph " + fieldBegunIn.getLast() + " never ends (it has "
          + "no w:fldCharType=\"end\", or only one deleted with tracked changes), so where the text resumes is unknown; "
          + "open the file in Word, accept its tracked changes, and save it again");
    }
  }

  private void appendBlocks(XmlCursor cursor, StringBuilder out) {
    if (!cursor.toFirstChild()) {
      return;
    }
    do {
      if (isAlternateContent(cursor)) {
        withChosenAlternative(cursor, () -> appendBlocks(cursor, out));
        continue;
      }
      switch (wordElement(cursor)) {
        case "p" -> appendParagraph(cursor, out);
        case "del", "moveFrom" -> {
          // tracked deletions: not in the document as it reads now
        }
        case "tr" -> {
          if (!hasProperty(cursor, "trPr", "del")) { // a row deleted with its changes tracked
            appendBlocks(cursor, out);
          }
        }
        case "tbl", "tc" -> {
          // a paragraph mark deleted or hidden runs a paragraph on into the next, but never across a table's or a
          // cell's edge: Word shows two cells, or a table and the paragraph before it, apart
          endLine(out);
          appendBlocks(cursor, out);
          endLine(out);
        }
        case "altChunk" -> throw new Unreadable("w:altChunk", "holds a part taken in whole from another file "
            + "(HTML, RTF or another document), whose text Lacrima cannot read; open it in Word and save it again, "
            + "which makes that part ordinary paragraphs");
        default -> appendBlocks(cursor, out);
      }
    } while (cursor.toNextSibling());
    cursor.toParent();
  }

  /**
   * One paragraph as one line. Paragraphs inside it (those of text boxes) follow it as lines of their own rather
   * than splitting it. A paragraph whose end was deleted with its changes tracked runs on into the next one.
   */
  private void appendParagraph(XmlCursor cursor, StringBuilder out) {
    paragraphs++;
    StringBuilder nested = new StringBuilder();
    Optional<String> style;
    Optional<String> markVanish = Optional.empty();
    try (XmlCursor c = cursor.newCursor()) {
      if (child(c, "pPr")) {
        style = DocxStyles.value(c, "pStyle");
        if (child(c, "rPr")) {
          markVanish = DocxStyles.value(c, "vanish");
        }
      } else {
        style = Optional.empty();
      }
    }
    boolean hides = styles.paragraphHides(style);
    // a hidden paragraph mark, as a deleted one, runs the paragraph on into the next where Word hides hidden text
    boolean markHidden = markVanish.map(DocxStyles::switchedOn).orElse(hides);
    boolean endDeleted = hasParagraphMarkDeleted(cursor) || markHidden;
    paragraphHides.push(hides);
    try {
      appendInline(cursor, out, nested);
    } finally {
      paragraphHides.pop();
    }
    if (!endDeleted || !nested.isEmpty()) {
      out.append('\n').append(nested);
    }
    if ((out == text ? 0 : out.length()) + text.length() > MAX_CHARACTERS) {
      throw new Unreadable("w:body", String.format(java.util.Locale.ROOT, "holds more than %,d characters of text (by "
          + "paragraph %d), more than any transcript; a .txt file is refused beyond that size (64 MB) too",
          MAX_CHARACTERS, paragraphs));
    }
  }

  private static void endLine(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  private void appendInline(XmlCursor cursor, StringBuilder line, StringBuilder nested) {
    if (!cursor.toFirstChild()) {
      return;
    }
    do {
      if (isAlternateContent(cursor)) {
        withChosenAlternative(cursor, () -> appendInline(cursor, line, nested));
        continue;
      }
      QName name = cursor.getName();
      if (name != null && MATH.equals(name.getNamespaceURI()) && name.getLocalPart().equals("t")) {
        appendText(line, cursor.getTextValue()); // an equation's text, as Word's plain text gives it
        continue;
      }
      switch (wordElement(cursor)) {
        case "t" -> appendText(line, cursor.getTextValue());
        case "tab", "ptab" -> appendText(line, "\t");
        case "br", "cr" -> appendText(line, "\n");
        case "noBreakHyphen" -> appendText(line, "\u2011");
        case "sym" -> appendSymbol(cursor, line);
        case "fldChar" -> field(cursor);
        case "r" -> {
          if (!hidden(cursor)) { // hidden text: not shown, not printed
            appendInline(cursor, line, nested);
          } else {
            followFields(cursor);
          }
        }
        case "ruby" -> appendRubyBase(cursor, line, nested);
        case "p" -> appendParagraph(cursor, nested);
        case "txbxContent" -> appendBlocks(cursor, nested);
        case "del", "moveFrom" -> {
          // tracked deletions: not in the document as it reads now
        }
        case "instrText", "fldData" -> {
          // a field's instructions (PAGE, HYPERLINK "…"): the field's result is the text the reader sees
        }
        default -> {
          // properties (w:pPr with its tab stops, w:rPr, w:sectPr, tracked changes of them) hold settings, not text
          String element = wordElement(cursor);
          if (!element.endsWith("Pr") && !element.endsWith("PrChange") && !element.equals("tblPrEx")) {
            appendInline(cursor, line, nested);
          }
        }
      }
    } while (cursor.toNextSibling());
    cursor.toParent();
  }

  /** Text is the document's unless it stands among a field's instructions. */
  private void appendText(StringBuilder line, String s) {
    if (!fields.contains(Boolean.TRUE)) {
      line.append(s);
    }
  }

  /**
   * The field marks of a hidden run: its text is not shown, but a field it begins or ends is still begun or ended
   * (Word ends a field at an end mark whatever its formatting); without them the text after would count as the
   * field's instructions.
   */
  private void followFields(XmlCursor run) {
    if (!run.toFirstChild()) {
      return;
    }
    do {
      if (wordElement(run).equals("fldChar")) {
        field(run);
      }
    } while (run.toNextSibling());
    run.toParent();
  }

  private void field(XmlCursor cursor) {
    switch (attribute(cursor, "fldCharType")) {
      case "begin" -> {
        fields.push(Boolean.TRUE);
        fieldBegunIn.push(paragraphs);
      }
      case "separate" -> {
        if (!fields.isEmpty()) {
          fields.pop();
          fields.push(Boolean.FALSE);
        }
      }
      case "end" -> {
        if (!fields.isEmpty()) {
          fields.pop();
          fieldBegunIn.pop();
        }
      }
      default -> {
        // no type: nothing to follow
      }
    }
  }

  /**
   * A character of a symbol font (Symbol, Wingdings), kept as the code point the file gives: most are in the
   * private use area, as Word's own plain text gives them, so that a word before and after it stays apart.
   */
  private void appendSymbol(XmlCursor cursor, StringBuilder line) {
    try {
      int cp = Integer.parseInt(attribute(cursor, "char"), 16);
      if (Character.isValidCodePoint(cp) && Character.getType(cp) != Character.SURROGATE && !Character.isISOControl(cp)) {
        appendText(line, Character.toString(cp));
      }
    } catch (NumberFormatException e) {
      // a symbol without a readable character shows nothing
    }
  }

  /** Ruby text is a reading aid above the base text; the base is what the line says. */
  private void appendRubyBase(XmlCursor cursor, StringBuilder line, StringBuilder nested) {
    if (!cursor.toFirstChild()) {
      return;
    }
    do {
      if (wordElement(cursor).equals("rubyBase")) {
        appendInline(cursor, line, nested);
      }
    } while (cursor.toNextSibling());
    cursor.toParent();
  }

  /**
   * Whether a run is hidden: by its own w:vanish, which says so outright, or else by its paragraph's style and its
   * character style, each of which toggles it.
   */
  private boolean hidden(XmlCursor run) {
    try (XmlCursor c = run.newCursor()) {
      boolean hasProperties = child(c, "rPr");
      Optional<String> direct = hasProperties ? DocxStyles.value(c, "vanish") : Optional.empty();
      if (direct.isPresent()) {
        return DocxStyles.switchedOn(direct.get());
      }
      Optional<String> characterStyle = hasProperties ? DocxStyles.value(c, "rStyle") : Optional.empty();
      return Boolean.TRUE.equals(paragraphHides.peek()) ^ styles.characterToggles(characterStyle);
    }
  }

  /**
   * Whether the paragraph's mark (its end) carries a tracked deletion, w:pPr/w:rPr/w:del, or was moved away with its
   * text, w:pPr/w:rPr/w:moveFrom: either way Word, with the changes accepted, shows no paragraph end there.
   */
  private static boolean hasParagraphMarkDeleted(XmlCursor cursor) {
    try (XmlCursor c = cursor.newCursor()) {
      if (!child(c, "pPr")) {
        return false;
      }
      return hasProperty(c, "rPr", "del") || hasProperty(c, "rPr", "moveFrom");
    }
  }

  /** Whether the element's properties ({@code properties}) hold {@code property} switched on. */
  private static boolean hasProperty(XmlCursor cursor, String properties, String property) {
    try (XmlCursor c = cursor.newCursor()) {
      if (!child(c, properties) || !child(c, property)) {
        return false;
      }
      // a toggle such as w:vanish may be switched off explicitly
      return DocxStyles.switchedOn(attribute(c, "val"));
    }
  }

  private static boolean child(XmlCursor c, String element) {
    if (!c.toFirstChild()) {
      return false;
    }
    do {
      if (wordElement(c).equals(element)) {
        return true;
      }
    } while (c.toNextSibling());
    return false;
  }

  private static String attribute(XmlCursor cursor, String name) {
    String v = cursor.getAttributeText(new QName(WORDPROCESSING_ML, name));
    return v == null ? "" : v;
  }

  private static boolean isAlternateContent(XmlCursor cursor) {
    QName name = cursor.getName();
    return name != null && MARKUP_COMPATIBILITY.equals(name.getNamespaceURI())
        && name.getLocalPart().equals("AlternateContent");
  }

  /**
   * Markup compatibility offers the same content in several forms: mc:Choice for programs that know a newer
   * vocabulary, mc:Fallback for all others. Exactly one is read, or the text would appear twice. The fallback is what
   * Word writes for readers like us (an emoji as w:t, a text box as VML); a choice is read only where no fallback
   * holds any text.
   */
  private static void withChosenAlternative(XmlCursor cursor, Runnable walk) {
    cursor.push();
    try (XmlCursor alternative = cursor.newCursor()) {
      boolean found = false;
      if (alternative.toFirstChild()) {
        do {
          QName name = alternative.getName();
          boolean fallback = name != null && name.getLocalPart().equals("Fallback");
          if (containsWordText(alternative) && (!found || fallback)) {
            cursor.toCursor(alternative);
            found = true;
          }
        } while (alternative.toNextSibling());
      }
      if (found) {
        walk.run();
      }
    } finally {
      cursor.pop();
    }
  }

  private static boolean containsWordText(XmlCursor cursor) {
    try (XmlCursor c = cursor.newCursor()) {
      if (!c.toFirstChild()) {
        return false;
      }
      do {
        if (wordElement(c).equals("t") || containsWordText(c)) {
          return true;
        }
      } while (c.toNextSibling());
      return false;
    }
  }

  /** The local name of a WordprocessingML element, or "" for elements of other vocabularies. */
  private static String wordElement(XmlCursor cursor) {
    QName name = cursor.getName();
    return name != null && WORDPROCESSING_ML.equals(name.getNamespaceURI()) ? name.getLocalPart() : "";
  }
}
