package org.lacrima.io.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
