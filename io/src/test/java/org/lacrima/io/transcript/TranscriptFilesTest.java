package org.lacrima.io.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFEndnote;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentBlock;
import org.lacrima.core.transcript.Transcript;

class TranscriptFilesTest {

  @TempDir
  Path dir;

  @Test
  void readsATextFileNamedAfterItsFile() throws IOException {
    Path f = Files.writeString(dir.resolve("PDT-07 Meier.txt"), "I: Frage\r\nB: Antwort\r\n", StandardCharsets.UTF_8);
    Transcript t = TranscriptFiles.read(f);
    assertThat(t.name()).isEqualTo("PDT-07 Meier");
    assertThat(t.format()).isEqualTo("text");
    assertThat(t.encoding()).isEqualTo("UTF-8");
    assertThat(t.rawText()).isEqualTo("I: Frage\r\nB: Antwort\r\n");
    assertThat(t.sha256()).hasSize(64);
  }

  @Test
  void namesTheDocumentInNormalFormWithoutStraySpaces() throws IOException {
    Path spaced = Files.writeString(dir.resolve("Interview 3 .txt"), "B: ja\n", StandardCharsets.UTF_8);
    assertThat(TranscriptFiles.read(spaced).name()).isEqualTo("Interview 3");
    Path decomposed = Files.writeString(dir.resolve("Ma\u0308rz.txt"), "B: ja\n", StandardCharsets.UTF_8);
    assertThat(TranscriptFiles.read(decomposed).name()).isEqualTo("M\u00e4rz");
  }

  @Test
  void readsDocxParagraphsAndTableCellsAsLines() throws IOException {
    Path f = dir.resolve("interview.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
      doc.createParagraph().createRun().setText("I: Wie war das?");
      doc.createParagraph().createRun().setText("B: Sie weinte – leise.");
      XWPFTable table = doc.createTable(1, 2);
      table.getRow(0).getCell(0).setText("I: In der Tabelle");
      table.getRow(0).getCell(1).setText("B: Auch hier");
      doc.write(out);
    }
    Transcript t = TranscriptFiles.read(f);
    assertThat(t.format()).isEqualTo("docx");
    assertThat(t.rawText()).isEqualTo("I: Wie war das?\nB: Sie weinte – leise.\nI: In der Tabelle\nB: Auch hier\n");
  }

  @Test
  void readsParagraphsInsideContentControlsInReadingOrder() throws IOException {
    Path f = dir.resolve("form.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
      doc.createParagraph().createRun().setText("I: Vor dem Steuerelement");
      CTSdtBlock control = doc.getDocument().getBody().addNewSdt();
      control.addNewSdtPr().addNewAlias().setVal("Antwort");
      CTSdtContentBlock content = control.addNewSdtContent();
      content.addNewP().addNewR().addNewT().setStringValue("B: Im Steuerelement");
      content.addNewP().addNewR().addNewT().setStringValue("B: Zweiter Absatz darin");
      doc.createParagraph().createRun().setText("I: Danach");
      XWPFTable table = doc.createTable(1, 1);
      CTSdtContentBlock inCell = table.getRow(0).getCell(0).getCTTc().addNewSdt().addNewSdtContent();
      inCell.addNewP().addNewR().addNewT().setStringValue("B: In der Zelle");
      doc.write(out);
    }
    // the empty line is the paragraph every new table cell starts with
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("I: Vor dem Steuerelement\nB: Im Steuerelement\n"
        + "B: Zweiter Absatz darin\nI: Danach\n\nB: In der Zelle\n");
  }

  @Test
  void leavesFootnotesAndEndnotesOutOfTheText() throws IOException {
    Path f = dir.resolve("notes.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
      XWPFFootnote footnote = doc.createFootnote();
      footnote.createParagraph().createRun().setText("Anmerkung der Transkribentin");
      XWPFEndnote endnote = doc.createEndnote();
      endnote.createParagraph().createRun().setText("Quelle");
      XWPFParagraph p = doc.createParagraph();
      p.createRun().setText("B: Sie weinte");
      p.addFootnoteReference(footnote);
      p.createRun().setText(" leise.");
      p.createRun().getCTR().addNewEndnoteReference().setId(endnote.getId());
      doc.write(out);
    }
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("B: Sie weinte leise.\n");
  }

  /**
   * A field whose end mark stands in a hidden run still ends there, as in Word; a field that never ends is refused,
   * not read as instructions to the end of the document; and a paragraph mark deleted with changes tracked does not
   * run a cell into the next, or a paragraph into the table after it.
   */
  @Test
  void fieldsEndWhereWordEndsThemAndCellsStayApart() throws IOException {
    String hiddenEnd = "<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r>";
    Path f = docx("hidden-end.docx", "<w:p>" + run("I: vorher ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:instrText> XE \"Weinen\" </w:instrText></w:r>" + hiddenEnd + run("und weiter") + "</w:p>"
        + "<w:p>" + run("B: Antwort") + "</w:p>");
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("I: vorher und weiter\nB: Antwort\n");
    Path open = docx("open.docx", "<w:p>" + run("I: vorher ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:instrText> XE \"Weinen\" </w:instrText></w:r>" + run(" nachher") + "</w:p>"
        + "<w:p>" + run("B: Antwort") + "</w:p>");
    assertThatThrownBy(() -> TranscriptFiles.read(open)).isInstanceOf(org.lacrima.core.InputException.class)
        .hasMessageContaining("open.docx").hasMessageContaining("w:fldChar")
        .hasMessageContaining("a field begun in paragraph 1 never ends");
    String deletedMark = "<w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"T\"/></w:rPr></w:pPr>";
    Path cells = docx("cells.docx", "<w:p>" + deletedMark + run("I: davor") + "</w:p>"
        + "<w:tbl><w:tr><w:tc><w:p>" + deletedMark + run("I: r1") + "</w:p></w:tc>"
        + "<w:tc><w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>" + run("c2") + "</w:p></w:tc></w:tr>"
        + "<w:tr><w:tc><w:p>" + run("B: r2") + "</w:p></w:tc></w:tr></w:tbl>");
    assertThat(TranscriptFiles.read(cells).rawText()).isEqualTo("I: davor\nI: r1\nc2\nB: r2\n");
  }

  private static String run(String text) {
    return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
  }

  @Test
  void readsTheTextAsWordShowsItWithChangesAccepted() throws IOException {
    String deleted = "w:id=\"1\" w:author=\"T\" w:date=\"2026-01-01T00:00:00Z\"";
    Path f = docx("shown.docx",
        // a symbol-font character keeps its place between the words
        "<w:p>" + run("I: Pfeil") + "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0AE\"/></w:r>" + run("Ziel") + "</w:p>"
        // the end of a paragraph deleted with changes tracked: it runs on into the next
        + "<w:p><w:pPr><w:rPr><w:del " + deleted + "/></w:rPr></w:pPr>" + run("B: Hallo ") + "</w:p>"
        + "<w:p>" + run("Welt") + "</w:p>"
        // a paragraph moved elsewhere with changes tracked: its text and its end go, no empty line is left
        + "<w:p><w:pPr><w:rPr><w:moveFrom " + deleted + "/></w:rPr></w:pPr><w:moveFrom " + deleted + ">"
        + run("I: verschoben") + "</w:moveFrom></w:p>"
        // a row deleted with changes tracked
        + "<w:tbl><w:tr><w:trPr><w:del " + deleted + "/></w:trPr><w:tc><w:p>" + run("weg") + "</w:p></w:tc></w:tr>"
        + "<w:tr><w:tc><w:p>" + run("I: bleibt") + "</w:p></w:tc></w:tr></w:tbl>"
        // a field nested in another's instructions: only the outer result is shown
        + "<w:p>" + run("B: Wert ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> IF </w:instrText>"
        + "</w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DOCPROPERTY x </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("INNER") + "<w:r><w:fldChar w:fldCharType=\"end\"/>"
        + "</w:r><w:r><w:instrText> = \"INNER\" \"JA\" \"NEIN\" </w:instrText></w:r><w:r><w:fldChar "
        + "w:fldCharType=\"separate\"/></w:r>" + run("JA") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + run(" fertig") + "</w:p>"
        // hidden text is not shown; an explicitly visible run is; an equation's text is
        + "<w:p>" + run("I: sichtbar ") + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>VERSTECKT </w:t></w:r>"
        + "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t xml:space=\"preserve\">auch </w:t></w:r>"
        + "<m:oMath><m:r><m:t>x=2</m:t></m:r></m:oMath>" + run(" ende") + "</w:p>");
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("I: Pfeil\uF0AEZiel\nB: Hallo Welt\nI: bleibt\n"
        + "B: Wert JA fertig\nI: sichtbar auch x=2 ende\n");
    Path chunk = docx("chunk.docx", "<w:p>" + run("I: davor") + "</w:p><w:altChunk r:id=\"rId9\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/>");
    assertThatThrownBy(() -> TranscriptFiles.read(chunk)).hasMessageStartingWith(chunk + ", w:altChunk: holds a part "
        + "taken in whole from another file");
  }

  @Test
  void leavesOutTextAStyleHidesAsWordDoes() throws IOException {
    // w:vanish toggles along the styles (ECMA-376 Part 1, 17.7.3): a character style based on a hiding one hides,
    // one that hides again under it shows, a run's own w:vanish says it outright
    String styles = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"HiddenPara\"><w:rPr><w:vanish/></w:rPr></w:style>"
        + "<w:style w:type=\"character\" w:styleId=\"Hid\"><w:rPr><w:vanish/></w:rPr></w:style>"
        + "<w:style w:type=\"character\" w:styleId=\"Based\"><w:basedOn w:val=\"Hid\"/></w:style>"
        + "<w:style w:type=\"character\" w:styleId=\"Again\"><w:basedOn w:val=\"Hid\"/><w:rPr><w:vanish/></w:rPr>"
        + "</w:style>";
    Path f = docx("styled.docx", "<w:p>" + run("I: sichtbar") + "</w:p>"
        + "<w:p><w:pPr><w:pStyle w:val=\"HiddenPara\"/></w:pPr>" + run("B: versteckt") + "</w:p>"
        + "<w:p><w:pPr><w:pStyle w:val=\"HiddenPara\"/><w:rPr><w:vanish w:val=\"0\"/></w:rPr></w:pPr>"
        + "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr>"
        + "<w:t>B: gezeigt</w:t></w:r></w:p>"
        + "<w:p>" + run("I: a ") + "<w:r><w:rPr><w:rStyle w:val=\"Hid\"/></w:rPr><w:t>X</w:t></w:r>" + run(" b ")
        + "<w:r><w:rPr><w:rStyle w:val=\"Based\"/></w:rPr><w:t>Y</w:t></w:r>"
        + "<w:r><w:rPr><w:rStyle w:val=\"Again\"/></w:rPr><w:t>c</w:t></w:r></w:p>", styles);
    // the hidden paragraph's mark is hidden with it: no empty line is left where it was
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("I: sichtbar\nB: gezeigt\nI: a  b c\n");
  }

  @Test
  void keepsTabsAndLineBreaksInsideAParagraph() throws IOException {
    Path f = dir.resolve("tabs.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
      XWPFParagraph p = doc.createParagraph();
      p.createRun().setText("00:12");
      p.createRun().addTab();
      p.createRun().setText("I: Wie war das?");
      p.createRun().addBreak();
      p.createRun().setText("B: Schwer.");
      doc.write(out);
    }
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("00:12\tI: Wie war das?\nB: Schwer.\n");
  }

  @Test
  void readsNeitherTabStopsNorFieldInstructionsAsText() throws IOException {
    // a transcript template's paragraph settings: two tab stops, as Word writes them in w:pPr; and a page field
    String settings = "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"709\"/><w:tab w:val=\"left\" w:pos=\"1418\"/>"
        + "</w:tabs></w:pPr>";
    Path f = docx("template.docx", "<w:p>" + settings + "<w:r><w:rPr><w:b/></w:rPr><w:t>I:</w:t></w:r><w:r><w:tab/>"
        + "</w:r><w:r><w:t>Wie?</w:t></w:r></w:p><w:p>" + settings + "<w:r><w:t>B:</w:t></w:r><w:r><w:tab/></w:r>"
        + "<w:r><w:t xml:space=\"preserve\">Gut, Seite </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar "
        + "w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "<w:r><w:t>.</w:t></w:r></w:p>");
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("I:\tWie?\nB:\tGut, Seite 2.\n");
  }

  @Test
  void keepsAnEmojiWordWritesAsMarkupCompatibleSymbol() throws IOException {
    // Word writes an emoji typed in Segoe UI Emoji like this: a w16se:symEx for Word 2016 and later,
    // the character itself as the fallback for every other reader.
    Path f = docx("emoji.docx", "<w:p><w:r><w:t xml:space=\"preserve\">B: Ich musste weinen </w:t></w:r>"
        + "<w:r><mc:AlternateContent><mc:Choice Requires=\"w16se\"><w16se:symEx w16se:font=\"Segoe UI Emoji\""
        + " w16se:char=\"1F622\"/></mc:Choice><mc:Fallback><w:t>\uD83D\uDE22</w:t></mc:Fallback>"
        + "</mc:AlternateContent></w:r><w:r><w:t xml:space=\"preserve\"> und lachen.</w:t></w:r></w:p>");
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("B: Ich musste weinen \uD83D\uDE22 und lachen.\n");
  }

  @Test
  void readsRunsInsideEveryKindOfContainer() throws IOException {
    Path f = docx("containers.docx", "<w:p><w:dir w:val=\"rtl\"><w:r><w:t>B: in dir</w:t></w:r></w:dir></w:p>"
        + "<w:p><w:bdo w:val=\"ltr\"><w:r><w:t>B: in bdo</w:t></w:r></w:bdo></w:p>"
        + "<w:p><w:smartTag w:uri=\"x\" w:element=\"place\"><w:r><w:t>B: in smartTag</w:t></w:r></w:smartTag>"
        + "<w:hyperlink w:anchor=\"a\"><w:r><w:t>, link</w:t></w:r></w:hyperlink>"
        + "<w:fldSimple w:instr=\"PAGE\"><w:r><w:t>, field</w:t></w:r></w:fldSimple>"
        + "<w:ins w:id=\"1\" w:author=\"T\"><w:r><w:t>, inserted</w:t></w:r></w:ins>"
        + "<w:del w:id=\"2\" w:author=\"T\"><w:r><w:delText>, deleted</w:delText></w:r></w:del>"
        + "<w:moveFrom w:id=\"3\" w:author=\"T\"><w:r><w:t>, moved away</w:t></w:r></w:moveFrom></w:p>"
        // an element no version of Word writes today: its text is read, not lost
        + "<w:p><w:futureWrapper><w:r><w:t>B: in something new</w:t></w:r></w:futureWrapper></w:p>");
    assertThat(TranscriptFiles.read(f).rawText()).isEqualTo("B: in dir\nB: in bdo\n"
        + "B: in smartTag, link, field, inserted\nB: in something new\n");
  }

  @Test
  void readsATextBoxOnceAsLinesAfterItsParagraph() throws IOException {
    // Word writes a text box twice: as a DrawingML shape for itself, as VML for older readers.
    String box = "<w:txbxContent><w:p><w:r><w:t>Notiz: sie weinte</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>zweite Zeile</w:t></w:r></w:p></w:txbxContent>";
    Path f = docx("box.docx", "<w:p><w:r><w:t xml:space=\"preserve\">B: Davor </w:t></w:r>"
        + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        + "<wps:wsp><wps:txbx>" + box + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        + "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict>"
        + "</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>und danach.</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>I: Weiter.</w:t></w:r></w:p>");
    assertThat(TranscriptFiles.read(f).rawText())
        .isEqualTo("B: Davor und danach.\nNotiz: sie weinte\nzweite Zeile\nI: Weiter.\n");
  }

  @Test
  void refusesDevicesAndFilesOverTheLimitWithoutReadingThemWhole() throws IOException {
    // a device reports size 0 and never ends
    Path zeros = Files.createSymbolicLink(dir.resolve("endless.txt"), Path.of("/dev/zero"));
    assertThatThrownBy(() -> TranscriptFiles.read(zeros))
        .hasMessage(zeros + ": is not a regular file but a device or a pipe, which Lacrima does not read");
    Files.delete(zeros);
    Path large = dir.resolve("large.txt");
    try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
      f.setLength(TranscriptFiles.MAX_BYTES + 1);
    }
    assertThatThrownBy(() -> TranscriptFiles.read(large))
        .hasMessage(large + ": is larger than 64 MB; transcripts that large are refused");
  }

  @Test
  void refusesADocxThatUnpacksHugelyInItsOwnWords() throws IOException {
    // 110 MB of text that packs to a few hundred kB: refused by its packing ratio before POI unpacks it, naming the
    // part, whether written as a stream (sizes after the data) or with the sizes in the entry's header, as Word and
    // most zip tools write them
    Path streamed = dir.resolve("streamed.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(streamed))) {
      writeMinimalPackage(zip);
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      writeHugeDocument(zip);
      zip.closeEntry();
    }
    assertThatThrownBy(() -> TranscriptFiles.read(streamed)).hasMessageStartingWith(streamed + ", entry \"word/"
        + "document.xml\": is refused: this part unpacks to ").hasMessageEndingWith(" times its packed size, as a zip "
        + "bomb does");

    CRC32 crc = new CRC32();
    long[] sizes = new long[2];
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try (OutputStream counted = new DeflaterOutputStream(new OutputStream() {
      @Override
      public void write(int b) {
        sizes[1]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        sizes[1] += len;
      }
    }, deflater) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        sizes[0] += len;
        super.write(b, off, len);
      }
    }) {
      writeHugeDocument(counted);
    } finally {
      deflater.end();
    }
    Path sized = dir.resolve("sized.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(sized))) {
      writeMinimalPackage(zip);
      ZipEntry document = new ZipEntry("word/document.xml");
      document.setSize(sizes[0]);
      document.setCompressedSize(sizes[1]);
      document.setCrc(crc.getValue());
      zip.putNextEntry(document);
      writeHugeDocument(zip);
      zip.closeEntry();
    }
    assertThatThrownBy(() -> TranscriptFiles.read(sized)).hasMessageStartingWith(sized + ", entry \"word/"
        + "document.xml\": is refused: this part unpacks to ").hasMessageEndingWith(" times its packed size, as a zip "
        + "bomb does");
  }

  private static void writeHugeDocument(OutputStream out) throws IOException {
    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W
        + "\"><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
    byte[] line = ("Sie weinte. ".repeat(85) + "\n").getBytes(StandardCharsets.UTF_8);
    for (long written = 0; written < 110_000_000L; written += line.length) {
      out.write(line);
    }
    out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
  }

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  /** A DOCX file of the given body, written part by part as Word lays it out. */
  private Path docx(String name, String body) throws IOException {
    return docx(name, body, "");
  }

  /** The same with a styles part holding {@code styles} (w:style elements), where that is not empty. */
  private Path docx(String name, String body, String styles) throws IOException {
    Path f = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
      writeMinimalPackage(zip);
      if (!styles.isEmpty()) {
        entry(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "styles\" Target=\"styles.xml\"/></Relationships>");
        entry(zip, "word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"" + W + "\">"
            + styles + "</w:styles>");
      }
      entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
          + " xmlns:w=\"" + W + "\""
          + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
          + " xmlns:w16se=\"http://schemas.microsoft.com/office/word/2015/wordml/symex\""
          + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
          + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
          + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
          + " xmlns:v=\"urn:schemas-microsoft-com:vml\""
          + " xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" mc:Ignorable=\"w16se wps\">"
          + "<w:body>" + body + "</w:body></w:document>");
    }
    return f;
  }

  /** The parts every DOCX has besides its document. */
  private static void writeMinimalPackage(ZipOutputStream zip) throws IOException {
    writeMinimalPackage(zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  }

  /** The same, declaring the main part as {@code mainType}. */
  private static void writeMinimalPackage(ZipOutputStream zip, String mainType) throws IOException {
    entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"" + mainType + "\"/></Types>");
    entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** A package whose one paragraph says "I: Hallo", its main part declared as {@code mainType}. */
  private Path helloPackage(String name, String mainType) throws IOException {
    Path f = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
      writeMinimalPackage(zip, mainType);
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r>"
          + "<w:t>I: Hallo</w:t></w:r></w:p></w:body></w:document>");
    }
    return f;
  }

  /** Word's macro-enabled documents and templates hold their text as a document does, and are read as one. */
  @Test
  void readsAMacroEnabledDocumentByItsOwnExtension() throws IOException {
    Path f = helloPackage("interview.docm", "application/vnd.ms-word.document.macroEnabled.main+xml");
    Transcript t = TranscriptFiles.read(f);
    assertThat(t.name()).isEqualTo("interview");
    assertThat(t.format()).isEqualTo("docx");
    assertThat(t.rawText()).isEqualTo("I: Hallo\n");
  }

  /** The package says what its main part is: one that calls itself a spreadsheet is not read as a transcript. */
  @Test
  void refusesAPackageWhoseMainPartIsDeclaredAsSomethingElse() throws IOException {
    Path f = helloPackage("sheet.docx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    assertThatThrownBy(() -> TranscriptFiles.read(f)).hasMessage(f + ", entry \"[Content_Types].xml\": declares its "
        + "main part as \"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\", not a Word "
        + "document; open it in Word and save it as .docx");
  }

  @Test
  void refusesAPackageWhosePartsClimbOutOfIt() throws IOException {
    Path f = dir.resolve("climbing.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
      writeMinimalPackage(zip);
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"" + W + "\"><w:body/></w:document>");
      entry(zip, "../evil.xml", "<x/>");
    }
    assertThatThrownBy(() -> TranscriptFiles.read(f)).hasMessageStartingWith(f + ", entry \"../evil.xml\": is refused");
  }

  @Test
  void aStrictOpenXmlDocumentIsToldHowToSaveItNotSentToPoisBugTracker() throws IOException {
    Path f = dir.resolve("strict.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
      entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\""
          + " Target=\"word/document.xml\"/></Relationships>");
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://purl.oclc.org/ooxml/"
          + "wordprocessingml/main\" w:conformance=\"strict\"><w:body/></w:document>");
    }
    assertThatThrownBy(() -> TranscriptFiles.read(f)).hasMessage(f + ": is saved as Strict Open XML, which Lacrima "
        + "cannot read; open it in Word and save it as an ordinary Word document (.docx)");
  }

  /** POI's zip reader skips a split-archive marker that the JDK's, which measures the package first, stops at. */
  @Test
  void refusesAPackageBehindASplitArchiveMarkerThatWouldHideItsPartsFromTheChecks() throws IOException {
    Path f = dir.resolve("marked.docx");
    java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
    packed.writeBytes("PK00".getBytes(StandardCharsets.US_ASCII));
    try (ZipOutputStream zip = new ZipOutputStream(packed)) {
      writeMinimalPackage(zip);
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"" + W + "\"><w:body/></w:document>");
      entry(zip, "../evil.xml", "<x/>");
    }
    Files.write(f, packed.toByteArray());
    assertThatThrownBy(() -> TranscriptFiles.read(f)).hasMessage(f + ", byte offset 0: is refused: it begins with the "
        + "zip marker PK 0x30 0x30, which split-archive tools write and no word processor does, instead of its first "
        + "part; open it in Word and save it again");
  }

  @Test
  void refusesAPackageOfManyPartsThatTogetherUnpackBeyondTheLimit() throws IOException {
    // each part alone is harmless; POI would hold all of them in memory at once
    Path f = dir.resolve("many.docx");
    byte[] part = new byte[1 << 20];
    new java.util.Random(5).nextBytes(part);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
      writeMinimalPackage(zip);
      for (int i = 0; i < 3; i++) {
        zip.putNextEntry(new ZipEntry("word/media/blob" + i + ".bin"));
        zip.write(part);
        zip.closeEntry();
      }
    }
    byte[] bytes = Files.readAllBytes(f);
    DocxPackage.check(bytes, f.toString(), 4L << 20, false);
    // the second megabyte of parts passes 2 MB with the small parts before it
    assertThatThrownBy(() -> DocxPackage.check(bytes, f.toString(), 2L << 20, false))
        .hasMessage(f + ", entry \"word/media/blob1.bin\": is refused: the package unpacks to more than 2 MB, far more "
            + "than a transcript holds");
  }

  @Test
  void refusesADamagedEntryRatherThanLettingTheRestGoUncounted() throws IOException {
    // a wrong checksum ends java.util.zip's count; POI checks none and would unpack the parts after it unmeasured
    Path f = dir.resolve("damaged.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
      entry(zip, "customXml/item1.xml", "<a>some custom data</a>");
      writeMinimalPackage(zip);
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"" + W + "\"><w:body/></w:document>");
    }
    byte[] bytes = Files.readAllBytes(f);
    // ZipOutputStream puts each entry's CRC-32 in a data descriptor (PK 7 8) after its data: spoil the first one
    int descriptor = 0;
    while (!(bytes[descriptor] == 'P' && bytes[descriptor + 1] == 'K' && bytes[descriptor + 2] == 7
        && bytes[descriptor + 3] == 8)) {
      descriptor++;
    }
    bytes[descriptor + 4] ^= (byte) 0xFF;
    Files.write(f, bytes);
    assertThatThrownBy(() -> TranscriptFiles.read(f))
        .hasMessageStartingWith(f + ", entry \"customXml/item1.xml\": cannot be read as a DOCX package: it is damaged")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void refusesAPackageCutOffBeforeOrInsideItsTableOfContents() throws IOException {
    Path whole = docx("whole.docx", "<w:p>" + run("B: Ich musste weinen.") + "</w:p>");
    byte[] bytes = Files.readAllBytes(whole);
    int table = indexOf(bytes, new byte[] {'P', 'K', 1, 2});
    assertThat(TranscriptFiles.read(whole).rawText()).contains("Ich musste weinen.");

    // cut off where the parts end: every part is whole, POI's streamed reading would open it
    Path cut = dir.resolve("cut.docx");
    Files.write(cut, Arrays.copyOf(bytes, table));
    assertThatThrownBy(() -> TranscriptFiles.read(cut)).hasMessage(cut + ": cannot be read as a DOCX package: "
        + "it is damaged, its table of contents is missing or unreadable (was the file cut off in copying?)");

    // a part written after the table of contents was made (the local entries of two packages glued together)
    Path extra = dir.resolve("extra.docx");
    ByteArrayOutputStream more = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(more)) {
      entry(zip, "word/media/extra.xml", "<a/>");
    }
    byte[] moreBytes = more.toByteArray();
    int moreTable = indexOf(moreBytes, new byte[] {'P', 'K', 1, 2});
    byte[] glued = new byte[bytes.length + moreTable];
    System.arraycopy(bytes, 0, glued, 0, table);
    System.arraycopy(moreBytes, 0, glued, table, moreTable);
    // the first package's table of contents after both, its offset moved by the part put before it
    System.arraycopy(bytes, table, glued, table + moreTable, bytes.length - table);
    int end = glued.length - 22;
    int offset = (glued[end + 16] & 0xFF) | (glued[end + 17] & 0xFF) << 8 | (glued[end + 18] & 0xFF) << 16;
    offset += moreTable;
    glued[end + 16] = (byte) offset;
    glued[end + 17] = (byte) (offset >> 8);
    glued[end + 18] = (byte) (offset >> 16);
    Files.write(extra, glued);
    assertThatThrownBy(() -> TranscriptFiles.read(extra)).hasMessage(extra + ", entry \"word/media/extra.xml\": "
        + "cannot be read as a DOCX package: it is damaged, the package holds this part but its table of contents "
        + "does not list it");
  }

  private static int indexOf(byte[] bytes, byte[] signature) {
    for (int i = 0; i + signature.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + signature.length, signature, 0, signature.length)) {
        return i;
      }
    }
    throw new AssertionError("no signature found");
  }

  @Test
  void saysThatAnOlderWordFileOrAPasswordProtectedOneIsNoDocx() throws IOException {
    // the OLE2 compound file signature, as .doc files and encrypted DOCX files begin
    byte[] ole = new byte[512];
    byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    System.arraycopy(signature, 0, ole, 0, signature.length);
    Path f = Files.write(dir.resolve("secret.docx"), ole);
    assertThatThrownBy(() -> TranscriptFiles.read(f)).hasMessage(f + ": is not a DOCX package but an older Word file "
        + "(.doc) or a DOCX protected with a password; open it in Word and save it as .docx without a password");
  }

  /** Local-header signatures and junk: java.util.zip stops with an EOFException that says nothing. */
  @Test
  void aFileThatOnlyLooksLikeAZipSaysSoInWords() throws IOException {
    Path f = dir.resolve("notzip.docx");
    Files.write(f, "PK\u0003\u0004garbage".repeat(10).getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> TranscriptFiles.read(f))
        .hasMessageStartingWith(f + ": cannot be read as a DOCX package: it is damaged or not a zip package")
        .hasMessageNotContaining("null");
  }

  @Test
  void saysWhereItsXmlIsRefusedOrBroken() throws IOException {
    Path doctype = dir.resolve("doctype.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(doctype))) {
      writeMinimalPackage(zip);
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
          + "<w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>");
    }
    assertThatThrownBy(() -> TranscriptFiles.read(doctype))
        .hasMessageStartingWith(doctype + ", entry \"word/document.xml\", XML line 2")
        .hasMessageContaining("is refused: it declares a DOCTYPE").hasMessageNotContaining("Exception");
    Path truncated = dir.resolve("truncated.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(truncated))) {
      writeMinimalPackage(zip);
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"" + W + "\"><w:body><w:p>");
    }
    assertThatThrownBy(() -> TranscriptFiles.read(truncated))
        .hasMessageStartingWith(truncated + ", entry \"word/document.xml\", XML line 2")
        .hasMessageContaining("its XML is malformed").hasMessageNotContaining("Exception");
  }

  /** A package holds a dozen XML parts; a line number alone would leave the user searching all of them. */
  @Test
  void namesTheMalformedPartBesideTheDocument() throws IOException {
    Path f = docx("badstyles.docx", "<w:p><w:r><w:t>Text</w:t></w:r></w:p>", "<w:style w:styleId=\"x\">");
    assertThatThrownBy(() -> TranscriptFiles.read(f))
        .hasMessageStartingWith(f + ", entry \"word/styles.xml\", XML line 1")
        .hasMessageContaining("its XML is malformed");
  }

  /** A document's name is printed in every listing: a file name that could act on the terminal is refused. */
  @Test
  void refusesAFileNameHoldingAnEscapeOrADirectionOverride() throws IOException {
    Path escape = Files.writeString(dir.resolve("doc\u001b[31mRED.txt"), "I: hallo\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TranscriptFiles.read(escape)).hasMessageContaining("cannot be imported: its name")
        .hasMessageContaining("direction override").hasMessageContaining("rename the file");
    Path override = Files.writeString(dir.resolve("x\u202egnp.txt"), "I: hallo\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TranscriptFiles.read(override)).hasMessageContaining("cannot be imported: its name");
  }

  /** XML allows C1 controls in a run; U+009B begins terminal escapes, as in a text file, where it is refused. */
  @Test
  void refusesControlCharactersInADocxAsInAText() throws IOException {
    Path f = docx("c1.docx", "<w:p><w:r><w:t>I: Hallo &#x9B;31mROT</w:t></w:r></w:p>");
    assertThatThrownBy(() -> TranscriptFiles.read(f)).hasMessage(f + ", character 9 of its text: holds the control "
        + "character U+009B, which a transcript does not contain");
  }

  /** The offset is the one in the text as stored: after NFC composes "u" and its diaeresis into one character. */
  @Test
  void countsAControlCharactersPlaceInTheComposedText() throws IOException {
    Path f = docx("c1nfd.docx", "<w:p><w:r><w:t xml:space=\"preserve\">I: Mu\u0308ller &#x9B;x</w:t></w:r></w:p>");
    assertThatThrownBy(() -> TranscriptFiles.read(f)).hasMessageStartingWith(f + ", character 10 of its text:");
  }

  /**
   * A part POI reads without saying where it failed (the content types, the package's relations) is named, with the
   * line and the reason, as the document part is.
   */
  @Test
  void namesAnyPartWhoseXmlIsRefused() throws IOException {
    for (String part : java.util.List.of("[Content_Types].xml", "_rels/.rels")) {
      Path plain = docx("plain.docx", "<w:p><w:r><w:t>I: Hallo</w:t></w:r></w:p>");
      Path f = dir.resolve("doctype-" + part.hashCode() + ".docx");
      try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(plain));
          ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          entry(out, e.getName(), e.getName().equals(part) ? content.replaceFirst("\\?>",
              "?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>") : content);
        }
      }
      assertThatThrownBy(() -> TranscriptFiles.read(f)).as(part)
          .hasMessageStartingWith(f + ", entry \"" + part + "\", XML line 2")
          .hasMessageContaining("is refused: it declares a DOCTYPE");
    }
  }

  @Test
  void saysPlainlyThatAFileIsMissing() {
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> TranscriptFiles.read(missing)).hasMessage(missing + ": cannot be read: no such file");
  }

  @Test
  void refusesEmptyBrokenAndUnknownFiles() throws IOException {
    Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
    assertThatThrownBy(() -> TranscriptFiles.read(empty)).hasMessageEndingWith("empty.txt: is empty");
    Path broken = Files.writeString(dir.resolve("broken.docx"), "not a zip");
    assertThatThrownBy(() -> TranscriptFiles.read(broken)).hasMessageContaining("broken.docx: is not a readable DOCX file");
    Path pdf = Files.writeString(dir.resolve("x.pdf"), "%PDF");
    assertThatThrownBy(() -> TranscriptFiles.read(pdf)).hasMessageContaining("imports .txt, .md and .docx");
  }
}
