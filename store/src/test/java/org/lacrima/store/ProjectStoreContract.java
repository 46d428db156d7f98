package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lacrima.store.StoreFixtures.NOW;
import static org.lacrima.store.StoreFixtures.newProject;
import static org.lacrima.store.StoreFixtures.options;
import static org.lacrima.store.StoreFixtures.orientations;
import static org.lacrima.store.StoreFixtures.quote;
import static org.lacrima.store.StoreFixtures.rows;
import static org.lacrima.store.StoreFixtures.seedBuiltIn;
import static org.lacrima.store.StoreFixtures.span;
import static org.lacrima.store.StoreFixtures.transcripts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.CodingExport;
import org.lacrima.core.coding.CodingImport;
import org.lacrima.core.coding.CodingRow;
import org.lacrima.core.coding.Memo;
import org.lacrima.core.project.CodingRepository;
import org.lacrima.core.project.ProjectAccessException;
import org.lacrima.core.project.ProjectSeed;
import org.lacrima.core.project.ProjectStatistics;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.transcript.Document;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.MeaningUnit;
import org.lacrima.core.transcript.TranscriptImport;
import org.lacrima.core.transcript.VariableRow;

/**
 * What every store must do, run against SQLite and PostgreSQL alike: the same calls give the same
 * results, and a failed command leaves the project exactly as it was.
 */
abstract class ProjectStoreContract {

  /** A location for a new project that no other test uses. */
  abstract ProjectLocation freshLocation();

  /** Plain SQL on the database of a location, past Lacrima's own checks. */
  abstract org.jdbi.v3.core.Jdbi database(ProjectLocation location);

  ProjectStore create() {
    return ProjectStores.create(freshLocation(), newProject("study-" + UUID.randomUUID()), seedBuiltIn());
  }

  ProjectStore createWithDocuments() {
    ProjectStore store = create();
    store.write(s -> TranscriptImport.run(s, transcripts(), options(orientations())));
    return store;
  }

  /** Everything a project holds, in a form that compares exactly. */
  static String fingerprint(ProjectStore store) {
    return store.read(s -> {
      StringBuilder b = new StringBuilder();
      b.append(s.categories().current().categories()).append(s.categories().current().relations());
      b.append(s.categories().versionNames());
      s.log().all().forEach(c -> b.append(c.sequence()).append(c.kind()).append(c.why()));
      for (DocumentSummary d : s.documents().list()) {
        Document doc = s.documents().get(d.id());
        b.append(doc.name()).append(doc.text().text()).append(doc.turns()).append(doc.variables());
        b.append(s.units().byDocument(d.id()));
        b.append(s.codings().byDocument(d.id()));
      }
      b.append(s.coders().list());
      return b.toString();
    });
  }

  @Test
  void aNewProjectOwnsACopyOfTheBuiltInSystemAsItsBaseVersion() {
    try (ProjectStore store = create()) {
      CategorySystem builtIn = BuiltInCategorySystem.get();
      store.read(s -> {
        assertThat(s.categories().current().categories()).isEqualTo(builtIn.categories());
        assertThat(s.categories().current().relations()).isEqualTo(builtIn.relations());
        assertThat(s.categories().current().info()).isEqualTo(builtIn.info());
        assertThat(s.categories().version(ProjectSeed.BASE).orElseThrow().categories()).isEqualTo(builtIn.categories());
        assertThat(s.categories().versionNames()).containsExactly(ProjectSeed.BASE, "upstream");
        List<CodebookChange> log = s.log().all();
        assertThat(log).singleElement().satisfies(c -> {
          assertThat(c.kind()).isEqualTo(CodebookChange.Kind.SEED);
          assertThat(c.who()).isEqualTo("tester");
          assertThat(c.why()).contains("crying-working-models 1.0.0");
        });
        return null;
      });
      assertThat(store.info().baseSystem()).isEqualTo("crying-working-models");
      assertThat(store.info().baseVersion()).isEqualTo("1.0.0");
    }
  }

  @Test
  void anEmptyProjectHasNoCategories() {
    String name = "empty-" + UUID.randomUUID();
    try (ProjectStore store = ProjectStores.create(freshLocation(), newProject(name), s -> {
      ProjectSeed.empty(s, name, "tester", NOW);
      return null;
    })) {
      store.read(s -> {
        assertThat(s.categories().current().categories()).isEmpty();
        assertThat(s.log().all()).extracting(CodebookChange::kind).containsExactly(CodebookChange.Kind.SEED_EMPTY);
        return null;
      });
    }
  }

  @Test
  void keepsDocumentsTurnsAndVariablesExactly() {
    try (ProjectStore store = createWithDocuments()) {
      store.read(s -> {
        List<DocumentSummary> docs = s.documents().list();
        assertThat(docs).extracting(DocumentSummary::name).containsExactly("a", "b");
        DocumentSummary a = docs.get(0);
        assertThat(a.variables()).containsEntry("orientation", "PDT").containsEntry("experience_years", "12");
        assertThat(docs.get(1).variable("orientation")).isEqualTo("CBT");
        Document doc = s.documents().get(a.id());
        assertThat(doc.text()).isEqualTo(DocumentText.normalize(StoreFixtures.INTERVIEW_A));
        assertThat(doc.turns()).hasSize(4);
        assertThat(doc.turns().get(1).timestamp()).hasValue("[00:00:09]");
        assertThat(doc.text().slice(doc.turns().get(1).start(), doc.turns().get(1).end()))
            .isEqualTo("Ja. Sie weinte \uD83D\uDE22 sehr wütend, fast trotzig.\nIch habe erst einmal geschwiegen.");
        Document b = s.documents().get(docs.get(1).id());
        assertThat(b.text().text()).isEqualTo("I: Und Sie?\nT: Ich lasse erzählen. Tränen sind okay.\n");
        assertThat(b.source().sha256()).isEqualTo("sha-b");
        assertThat(a.length()).isEqualTo(doc.text().length());
        assertThat(s.documents().byName("b")).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(b.id()));
        assertThat(s.documents().byName("c")).isEmpty();
        return null;
      });
    }
  }

  @Test
  void aDuplicateDocumentNameRefusesTheWholeImport() {
    try (ProjectStore store = createWithDocuments()) {
      String before = fingerprint(store);
      var again = List.of(new org.lacrima.core.transcript.Transcript("new", "new.txt", "text", "UTF-8", "", "I: hallo"),
          new org.lacrima.core.transcript.Transcript("a", "a.docx", "docx", "", "", "I: schon da"));
      assertThatThrownBy(() -> store.write(s -> TranscriptImport.run(s, again, options(List.of()))))
          .isInstanceOf(InputException.class).hasMessageContaining("a.docx").hasMessageContaining("already has a document");
      assertThat(fingerprint(store)).isEqualTo(before);
    }
  }

  @Test
  void aVariablesFileReportsWhatItChangesInEarlierDocuments() {
    try (ProjectStore store = createWithDocuments()) {
      List<VariableRow> rows = List.of(new VariableRow("vars.csv", 2, "a", Map.of("orientation", "ST", "experience_years", "12")),
          new VariableRow("vars.csv", 3, "new", Map.of("orientation", "CBT")));
      var again = List.of(new org.lacrima.core.transcript.Transcript("new", "new.txt", "text", "UTF-8", "", "I: hallo"));
      TranscriptImport.Report r = store.write(s -> TranscriptImport.run(s, again, options(rows)));
      assertThat(r.imported()).extracting(DocumentSummary::name).containsExactly("new");
      assertThat(r.changed()).containsExactly(new TranscriptImport.VariableChange("a", "orientation", "PDT", "ST"));
    }
  }

  @Test
  void aVariablesRowForAnUnknownDocumentNamesItsLine() {
    try (ProjectStore store = create()) {
      String before = fingerprint(store);
      List<VariableRow> rows = List.of(new VariableRow("vars.csv", 7, "zzz", Map.of("orientation", "PDT")));
      assertThatThrownBy(() -> store.write(s -> TranscriptImport.run(s, transcripts(), options(rows))))
          .hasMessage("vars.csv, line 7: no document named \"zzz\" in this import or in the project");
      List<VariableRow> bad = List.of(new VariableRow("vars.csv", 3, "a", Map.of("orientation", "Gestalt")));
      assertThatThrownBy(() -> store.write(s -> TranscriptImport.run(s, transcripts(), options(bad))))
          .hasMessageContaining("vars.csv, line 3").hasMessageContaining("Gestalt");
      assertThat(fingerprint(store)).isEqualTo(before);
    }
  }

  @Test
  void importsCodingsByQuoteAndOffsetsCreatingCoders() {
    try (ProjectStore store = createWithDocuments()) {
      CodingImport.Report report = store.write(s -> CodingImport.run(s, rows(
          quote(2, "a", "sehr wütend, fast trotzig", "Protest crying", "mira", "angry tone"),
          quote(3, "a", "Ich habe erst einmal geschwiegen.", "Pause", "mira", ""),
          quote(4, "a", "sehr wütend", "Protest crying", "jonas", ""),
          span(5, "b", 15, 33, "Letting narrate", "jonas"))));
      assertThat(report.rows()).isEqualTo(4);
      assertThat(report.added()).isEqualTo(4);
      assertThat(report.newCoders()).containsExactly("mira", "jonas");
      store.read(s -> {
        DocumentSummary a = s.documents().byName("a").orElseThrow();
        DocumentText text = s.documents().text(a.id());
        List<Coding> codings = s.codings().byDocument(a.id());
        assertThat(codings).extracting(c -> text.slice(c.start(), c.end()))
            .containsExactlyInAnyOrder("sehr wütend, fast trotzig", "Ich habe erst einmal geschwiegen.", "sehr wütend");
        Coding protest = codings.stream().filter(c -> c.memo().equals("angry tone")).findFirst().orElseThrow();
        // the emoji before the quote counts as one position
        assertThat(protest.start()).isEqualTo(text.text().indexOf("sehr") - 1);
        assertThat(s.coders().list()).extracting(Coder::name).containsExactly("jonas", "mira");
        DocumentSummary b = s.documents().byName("b").orElseThrow();
        assertThat(s.documents().text(b.id()).slice(15, 33)).isEqualTo("Ich lasse erzählen");
        return null;
      });
    }
  }

  @Test
  void namesAnOlderProjectStoresInTwoEncodingsAreEachFoundAsWrittenAndNeverMixedUp() {
    ProjectLocation here = freshLocation();
    ProjectStores.create(here, newProject("names-" + UUID.randomUUID()), seedBuiltIn()).close();
    try (ProjectStore store = ProjectStores.open(here)) {
      store.write(s -> TranscriptImport.run(s, transcripts(), options(List.of())));
    }
    // as a version before names were normalized could leave them: "Jürgen" decomposed (a) and composed (b)
    String decomposed = "Ju\u0308rgen";
    String composed = "J\u00fcrgen";
    database(here).useHandle(h -> {
      h.createUpdate("UPDATE document SET name = :n WHERE name = 'a'").bind("n", decomposed).execute();
      h.createUpdate("UPDATE document SET name = :n WHERE name = 'b'").bind("n", composed).execute();
    });
    try (ProjectStore store = ProjectStores.open(here)) {
      store.write(s -> CodingImport.run(s, rows(span(2, decomposed, 0, 5, "Pause", "mira"),
          span(3, composed, 1, 6, "Pause", "mira"))));
      store.read(s -> {
        assertThat(s.codings().byDocument(s.documents().byName(decomposed).orElseThrow().id()))
            .extracting(Coding::start).containsExactly(0);
        assertThat(s.codings().byDocument(s.documents().byName(composed).orElseThrow().id()))
            .extracting(Coding::start).containsExactly(1);
        return null;
      });
      String before = fingerprint(store);
      assertThatThrownBy(() -> store.write(s -> CodingImport.run(s, rows(span(2, composed + " ", 0, 5, "Pause",
          "mira"))))).isInstanceOf(InputException.class).hasMessageContaining("fits two documents");
      assertThat(fingerprint(store)).isEqualTo(before);
    }
  }

  @Test
  void readsEverySpanAndEveryTurnRangeInOnePassAsTheDocumentsHoldThem() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> CodingImport.run(s, rows(
          quote(2, "a", "sehr wütend, fast trotzig", "Protest crying", "mira", "angry tone"),
          quote(3, "a", "Ich habe erst einmal geschwiegen.", "Pause", "mira", ""),
          quote(4, "a", "sehr wütend", "Protest crying", "jonas", ""),
          quote(5, "a", "sehr wütend", "Pause", "jonas", ""),
          span(6, "b", 15, 33, "Letting narrate", "jonas"),
          span(7, "b", 0, 11, "Letting narrate", "jonas"))));
      store.read(s -> {
        List<String> expected = new java.util.ArrayList<>();
        Map<UUID, int[]> expectedRanges = new java.util.HashMap<>();
        for (DocumentSummary d : s.documents().list()) {
          s.codings().byDocument(d.id()).forEach(c -> expected.add(c.document() + " " + c.coder() + " " + c.category()
              + " " + c.start() + " " + c.end()));
          expectedRanges.put(d.id(), s.documents().turns(d.id()).stream()
              .flatMapToInt(t -> java.util.stream.IntStream.of(t.start(), t.end())).toArray());
        }
        List<String> read = new java.util.ArrayList<>();
        s.codings().forEachSpan((document, coder, category, start, end) -> read.add(document + " " + coder + " "
            + category + " " + start + " " + end));
        assertThat(read).hasSize(6).containsExactlyInAnyOrderElementsOf(expected);
        Map<UUID, int[]> ranges = s.documents().turnRanges();
        assertThat(ranges).containsOnlyKeys(expectedRanges.keySet());
        expectedRanges.forEach((id, pairs) -> assertThat(ranges.get(id)).containsExactly(pairs));
        assertThat(ranges.values()).allSatisfy(pairs -> assertThat(pairs).isNotEmpty());
        return null;
      });
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aReaderThatFailsHalfwayThroughTheSpansLeavesTheProjectReadable() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> CodingImport.run(s, rows(
          quote(2, "a", "sehr wütend", "Protest crying", "mira", ""),
          quote(3, "a", "Ich habe erst einmal geschwiegen.", "Pause", "mira", ""),
          span(4, "b", 15, 33, "Letting narrate", "jonas"))));
      // on PostgreSQL the spans come through COPY, which must be ended before the transaction can be
      assertThatThrownBy(() -> store.read(s -> {
        s.codings().forEachSpan((document, coder, category, start, end) -> {
          throw new IllegalStateException("the reader gave up");
        });
        return null;
      })).hasMessageContaining("the reader gave up");
      List<int[]> read = new java.util.ArrayList<>();
      store.read(s -> {
        s.codings().forEachSpan((document, coder, category, start, end) -> read.add(new int[] {start, end}));
        return null;
      });
      assertThat(read).hasSize(3);
    }
  }

  @Test
  void aRepeatedDecisionIsStoredOnceWithBothMemos() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", "first"))));
      CodingImport.Report again = store.write(s -> CodingImport.run(s, rows(
          quote(2, "a", "sehr wütend", "Protest crying", "mira", "second"),
          quote(3, "a", "sehr wütend", "Protest crying", "mira", "second"),
          quote(4, "a", "sehr wütend", "Protest crying", "mira", "third"))));
      assertThat(again.added()).isZero();
      assertThat(again.repeated()).isEqualTo(3);
      store.read(s -> {
        List<Coding> codings = s.codings().byDocument(s.documents().byName("a").orElseThrow().id());
        assertThat(codings).singleElement().satisfies(c -> assertThat(c.memo()).isEqualTo("first\nsecond\nthird"));
        return null;
      });
      // a later export brings the memo with a line added since: it takes the place of the stored one
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira",
          "first\nsecond\nthird\nfourth"))));
      store.read(s -> {
        List<Coding> codings = s.codings().byDocument(s.documents().byName("a").orElseThrow().id());
        assertThat(codings).singleElement().satisfies(c -> assertThat(c.memo()).isEqualTo("first\nsecond\nthird\nfourth"));
        return null;
      });
      // the same memo from a file with CRLF line ends, or written decomposed, is the same memo
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira",
          "first\r\nsecond\r\nthird\r\nfourth"), quote(3, "a", "sehr wütend", "Protest crying", "mira", "thi\u0301rd"))));
      store.read(s -> {
        List<Coding> codings = s.codings().byDocument(s.documents().byName("a").orElseThrow().id());
        assertThat(codings).singleElement().satisfies(c -> assertThat(c.memo())
            .isEqualTo("first\nsecond\nthird\nfourth\nth\u00edrd"));
        return null;
      });
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", "th\u00edrd"))));
      store.read(s -> {
        assertThat(s.codings().byDocument(s.documents().byName("a").orElseThrow().id())).singleElement()
            .satisfies(c -> assertThat(c.memo()).isEqualTo("first\nsecond\nthird\nfourth\nth\u00edrd"));
        return null;
      });
    }
  }

  @Test
  void findsDocumentsAndCodersByNamesTypedDecomposedOrWithSpaces() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> {
        s.coders().add(new Coder(UUID.randomUUID(), "J\u00fcrgen"));
        return null;
      });
      store.read(s -> {
        assertThat(s.documents().byName(" a ")).map(DocumentSummary::name).contains("a");
        assertThat(s.coders().byName("Ju\u0308rgen ")).map(Coder::name).contains("J\u00fcrgen");
        assertThat(s.coders().byName("Jurgen")).isEmpty();
        return null;
      });
    }
  }

  @Test
  void aMemoThatIsPartOfTheStoredMemoIsAddedNotDropped() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", "not relevant here"))));
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", "relevant"))));
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", "relevant"))));
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", "here"))));
      store.read(s -> {
        List<Coding> codings = s.codings().byDocument(s.documents().byName("a").orElseThrow().id());
        assertThat(codings).singleElement()
            .satisfies(c -> assertThat(c.memo()).isEqualTo("not relevant here\nrelevant\nhere"));
        return null;
      });
    }
  }

  @Test
  void aBadCodingRowAnywhereLeavesTheProjectAsItWas() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", ""))));
      String before = fingerprint(store);
      List<CodingRow> many = new ArrayList<>();
      for (int i = 0; i < 25_000; i++) {
        many.add(span(i + 2, "a", i % 40, i % 40 + 5, "Pause", "new-coder"));
      }
      many.add(quote(25_002, "a", "this is not in the text", "Pause", "new-coder", ""));
      assertThatThrownBy(() -> store.write(s -> CodingImport.run(s, many.iterator())))
          .isInstanceOf(InputException.class)
          .hasMessage("codings.csv, line 25002: the quote \"this is not in the text\" does not occur in \"a\"");
      assertThat(fingerprint(store)).isEqualTo(before);
    }
  }

  @Test
  void namesTheLineOfEveryKindOfBadRow() {
    try (ProjectStore store = createWithDocuments()) {
      String before = fingerprint(store);
      assertRefused(store, span(9, "nope", 0, 3, "Pause", "x"), "line 9: no document named \"nope\"");
      assertRefused(store, span(9, "a", 0, 3, "Sadness", "x"), "line 9: no category named \"Sadness\"");
      assertRefused(store, span(9, "a", 0, 3, "Interventions", "x"), "groups categories and is not coded");
      assertRefused(store, span(9, "a", 0, 100_000, "Pause", "x"), "offsets 0..100000 are not a span of \"a\"");
      assertRefused(store, span(9, "a", 5, 5, "Pause", "x"), "start < end required");
      assertRefused(store, quote(9, "a", "T:", "Pause", "x", ""), "the quote occurs 2 times");
      assertRefused(store, span(9, "a", 0, 3, "Pause", " "), "names no coder");
      assertThat(fingerprint(store)).isEqualTo(before);
    }
  }

  @Test
  void offsetsInsideACharacterAreRefusedNamingTheLine() {
    try (ProjectStore store = create()) {
      // a family emoji (woman, joiner, girl) and a q with a combining dot, which NFC has no single character for
      String text = "T: Sie weinte \uD83D\uDC69\u200D\uD83D\uDC67 und sagte q\u0307.";
      store.write(s -> TranscriptImport.run(s, List.of(new org.lacrima.core.transcript.Transcript("c", "c.txt", "text",
          "UTF-8", "sha-c", text)), options(List.of())));
      String before = fingerprint(store);
      int emoji = text.codePointCount(0, text.indexOf("\uD83D"));
      int q = text.codePointCount(0, text.indexOf("q\u0307"));
      assertRefused(store, span(4, "c", emoji + 1, emoji + 4, "Pause", "x"),
          "line 4: offset " + (emoji + 1) + " falls inside a character of \"c\"");
      assertRefused(store, span(5, "c", 0, q + 1, "Pause", "x"), "line 5: offset " + (q + 1) + " falls inside");
      assertThat(fingerprint(store)).isEqualTo(before);
      store.write(s -> CodingImport.run(s, rows(span(6, "c", emoji, emoji + 3, "Pause", "x"),
          span(7, "c", q, q + 2, "Pause", "x"))));
      store.read(s -> {
        DocumentSummary c = s.documents().byName("c").orElseThrow();
        assertThat(s.codings().byDocument(c.id())).extracting(k -> s.documents().text(c.id()).slice(k.start(), k.end()))
            .containsExactlyInAnyOrder("\uD83D\uDC69\u200D\uD83D\uDC67", "q\u0307");
        return null;
      });
    }
  }

  @Test
  void aCodingIdGivenTwiceInOneFileNamesBothLines() {
    try (ProjectStore store = createWithDocuments()) {
      String before = fingerprint(store);
      UUID id = UUID.randomUUID();
      CodingRow first = new CodingRow("c.csv", 2, "a", java.util.OptionalInt.of(0), java.util.OptionalInt.of(3), "",
          java.util.OptionalInt.empty(), "Pause", "mira", "", Optional.of(id));
      CodingRow second = new CodingRow("c.csv", 7, "a", java.util.OptionalInt.of(5), java.util.OptionalInt.of(9), "",
          java.util.OptionalInt.empty(), "Pause", "mira", "", Optional.of(id));
      assertThatThrownBy(() -> store.write(s -> CodingImport.run(s, rows(first, second))))
          .isInstanceOf(InputException.class)
          .hasMessage("c.csv, line 7: coding id " + id + " was given already on line 2");
      assertThat(fingerprint(store)).isEqualTo(before);
    }
  }

  private static void assertRefused(ProjectStore store, CodingRow row, String message) {
    assertThatThrownBy(() -> store.write(s -> CodingImport.run(s, rows(row))))
        .isInstanceOf(InputException.class).hasMessageContaining(message);
  }

  @Test
  void exportedCodingsImportIntoAnotherProjectExactly() {
    try (ProjectStore first = createWithDocuments(); ProjectStore second = createWithDocuments()) {
      first.write(s -> CodingImport.run(s, rows(
          quote(2, "a", "sehr wütend, fast trotzig", "Protest crying", "mira", "memo, with \"quotes\"\nand a line"),
          quote(3, "a", "sehr wütend", "Overwhelmed crying", "jonas", ""),
          span(4, "b", 15, 33, "Letting narrate", "jonas"))));
      List<CodingExport.Row> exported = new ArrayList<>();
      first.read(s -> CodingExport.run(s, exported::add));
      List<CodingRow> back = new ArrayList<>();
      for (CodingExport.Row r : exported) {
        back.add(new CodingRow("export.csv", back.size() + 2, r.document(), java.util.OptionalInt.of(r.start()),
            java.util.OptionalInt.of(r.end()), r.text(), java.util.OptionalInt.empty(), r.categoryId().toString(),
            r.coder(), r.memo(), Optional.of(r.id())));
      }
      second.write(s -> CodingImport.run(s, back.iterator()));
      List<CodingExport.Row> again = new ArrayList<>();
      second.read(s -> CodingExport.run(s, again::add));
      assertThat(again).isEqualTo(exported);
    }
  }

  @Test
  void countsCodingsByCategoryCoderAndOrientation() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> CodingImport.run(s, rows(
          quote(2, "a", "sehr wütend", "Protest crying", "mira", ""),
          quote(3, "a", "fast trotzig", "Protest crying", "mira", ""),
          quote(4, "a", "sehr wütend", "Protest crying", "jonas", ""),
          span(5, "b", 15, 33, "Letting narrate", "jonas"))));
      ProjectStatistics st = store.read(ProjectStatistics::of);
      assertThat(st.documents()).isEqualTo(2);
      assertThat(st.codings()).isEqualTo(4);
      assertThat(st.turns()).isEqualTo(6);
      assertThat(st.documentsByOrientation()).containsEntry("PDT", 1L).containsEntry("CBT", 1L);
      var protest = st.categories().stream().filter(r -> r.category().label().english().equals("Protest crying"))
          .findFirst().orElseThrow();
      Map<String, Long> byCoderName = new java.util.HashMap<>();
      st.coders().forEach(c -> byCoderName.put(c.name(), protest.byCoder().get(c.id())));
      assertThat(byCoderName).containsEntry("mira", 2L).containsEntry("jonas", 1L);
      assertThat(protest.byOrientation()).containsEntry("PDT", 3L).containsEntry("CBT", 0L);
      store.read(s -> {
        List<CodingRepository.CodingCount> counts = s.codings().countByDocumentCoderAndCategory();
        assertThat(counts).hasSize(3);
        assertThat(counts.stream().mapToLong(CodingRepository.CodingCount::count).sum()).isEqualTo(4);
        return null;
      });
    }
  }

  @Test
  void replacesMeaningUnitsPerDocument() {
    try (ProjectStore store = createWithDocuments()) {
      UUID a = store.read(s -> s.documents().byName("a").orElseThrow().id());
      List<MeaningUnit> units = List.of(new MeaningUnit(UUID.randomUUID(), a, 0, 5, MeaningUnit.Origin.TURN),
          new MeaningUnit(UUID.randomUUID(), a, 5, 9, MeaningUnit.Origin.SPLIT));
      store.write(s -> {
        s.units().replace(a, units);
        return null;
      });
      store.read(s -> {
        assertThat(s.units().byDocument(a)).isEqualTo(units);
        assertThat(s.units().count()).isEqualTo(2);
        return null;
      });
      store.write(s -> {
        s.units().replace(a, units.subList(0, 1));
        return null;
      });
      List<MeaningUnit> left = store.read(s -> s.units().byDocument(a));
      assertThat(left).isEqualTo(units.subList(0, 1));
    }
  }

  @Test
  void keepsCoverageAndRemovesOnlyWhatIsAsked() {
    try (ProjectStore store = createWithDocuments()) {
      UUID a = store.read(s -> s.documents().byName("a").orElseThrow().id());
      UUID b = store.read(s -> s.documents().byName("b").orElseThrow().id());
      UUID pause = BuiltInCategorySystem.get().resolve("Pause").id();
      UUID narrate = BuiltInCategorySystem.get().resolve("Letting narrate").id();
      Coder layer = new Coder(UUID.randomUUID(), "consensus");
      Coder mira = new Coder(UUID.randomUUID(), "mira");
      List<Coverage> all = List.of(new Coverage(a, layer.id(), pause, 0, 5), new Coverage(b, layer.id(), pause, 1, 4),
          new Coverage(a, layer.id(), narrate, 0, 5), new Coverage(a, mira.id(), pause, 0, 5));
      store.write(s -> {
        s.coders().add(layer);
        s.coders().add(mira);
        s.coverage().add(all);
        // a span recorded twice is kept once
        s.coverage().add(all.subList(0, 1));
        return null;
      });
      List<Coverage> recorded = store.read(s -> s.coverage().byCategory(pause));
      boolean narrateRecorded = store.read(s -> s.coverage().recordedFor(narrate));
      assertThat(recorded).containsExactlyInAnyOrder(all.get(0), all.get(1), all.get(3));
      assertThat(narrateRecorded).isTrue();
      store.write(s -> {
        s.coverage().remove(layer.id(), List.of(a), List.of(pause, narrate));
        return null;
      });
      // the layer's coverage of a is gone; its coverage of b and mira's of a stay
      List<Coverage> left = store.read(s -> s.coverage().byCategory(pause));
      boolean narrateLeft = store.read(s -> s.coverage().recordedFor(narrate));
      assertThat(left).containsExactlyInAnyOrder(all.get(1), all.get(3));
      assertThat(narrateLeft).isFalse();
    }
  }

  @Test
  void keepsMemosOnAnything() {
    try (ProjectStore store = create()) {
      UUID category = BuiltInCategorySystem.get().resolve("Pause").id();
      Memo memo = new Memo(UUID.randomUUID(), Memo.Target.CATEGORY, category, "mira", Instant.parse("2026-11-26T11:00:00Z"),
          "Pilot: Pause and Letting narrate were confused twice.");
      store.write(s -> {
        s.memos().add(memo);
        return null;
      });
      List<Memo> onCategory = store.read(s -> s.memos().about(Memo.Target.CATEGORY, category));
      List<Memo> onDocument = store.read(s -> s.memos().about(Memo.Target.DOCUMENT, category));
      assertThat(onCategory).containsExactly(memo);
      assertThat(onDocument).isEmpty();
    }
  }

  /** A decision taken again replaces the stored one; the one replaced is kept as it was, the side of a take too. */
  @Test
  void aDecisionTakenAgainKeepsTheOneItReplaces() {
    try (ProjectStore store = create()) {
      UUID pause = BuiltInCategorySystem.get().resolve("Pause").id();
      UUID document = UUID.randomUUID();
      var first = new org.lacrima.core.consensus.ConsensusDecision("D0123456789", document, 3, 40, pause,
          org.lacrima.core.consensus.ConsensusDecision.Kind.TAKE, Optional.of("jonas"), Optional.of(false),
          Optional.empty(), Optional.empty(), Optional.empty(), "jonas heard no pause", "alice",
          Instant.parse("2026-11-26T10:00:00Z"));
      var second = new org.lacrima.core.consensus.ConsensusDecision("D0123456789", document, 3, 40, pause,
          org.lacrima.core.consensus.ConsensusDecision.Kind.BOTH, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), "heard again", "bert",
          Instant.parse("2026-11-26T11:00:00Z"));
      Optional<org.lacrima.core.consensus.ConsensusDecision> none = store.write(s -> s.consensus().save(first));
      Optional<org.lacrima.core.consensus.ConsensusDecision> replaced = store.write(s -> s.consensus().save(second));
      assertThat(none).isEmpty();
      assertThat(replaced).contains(first);
      List<org.lacrima.core.consensus.ConsensusDecision> standing = store.read(s -> s.consensus().all());
      assertThat(standing).containsExactly(second);
      var kept = store.read(s -> s.consensus().replaced());
      assertThat(kept).hasSize(1);
      assertThat(kept.get(0).decision()).isEqualTo(first);
      assertThat(kept.get(0).replacedAt()).isEqualTo(second.decidedAt());
    }
  }

  @Test
  void aCategoryWithCodingsCannotBeRemoved() {
    try (ProjectStore store = createWithDocuments()) {
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", ""))));
      String before = fingerprint(store);
      CategorySystem builtIn = BuiltInCategorySystem.get();
      UUID protest = builtIn.resolve("Protest crying").id();
      CategorySystem without = CategorySystem.of(builtIn.info(),
          builtIn.categories().stream().filter(c -> !c.id().equals(protest))
              .map(c -> new Category(c.id(), c.parent(), c.codable(), c.label(), c.definition(), c.indicators(),
                  c.codeWhen(), c.doNotCodeWhen(),
                  c.delimitations().stream().filter(d -> !d.neighbour().equals(protest)).toList(),
                  c.examples(), c.paperSection(), c.orientationNotes(), c.cryingForm()))
              .toList(),
          builtIn.relations().stream().filter(r -> !r.touches(protest)).toList(), "test");
      assertThatThrownBy(() -> store.write(s -> {
        s.categories().replace(without);
        return null;
      })).isInstanceOf(InputException.class).hasMessageContaining("codings still refer to it");
      assertThat(fingerprint(store)).isEqualTo(before);
    }
  }

  @Test
  void theDatabaseItselfRefusesACodingWhoseCoderOrCategoryIsMissingOrInAnotherProject() {
    ProjectLocation here = freshLocation();
    ProjectStores.create(here, newProject("here-" + UUID.randomUUID()), seedBuiltIn()).close();
    try (ProjectStore store = ProjectStores.open(here)) {
      store.write(s -> TranscriptImport.run(s, transcripts(), options(List.of())));
      store.write(s -> CodingImport.run(s, rows(quote(2, "a", "sehr wütend", "Protest crying", "mira", ""))));
    }
    org.jdbi.v3.core.Jdbi db = database(here);
    int before = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM coding").mapTo(Integer.class).one());
    String copy = "INSERT INTO coding (project_key, id, document_key, coder_key, category_key, start_offset, end_offset, memo) "
        + "SELECT project_key, :id, document_key, %s, %s, start_offset + 1, end_offset, memo FROM coding";
    for (String[] broken : new String[][] {{"coder_key", "category_key + 100000"}, {"coder_key + 100000", "category_key"}}) {
      assertThatThrownBy(() -> db.useHandle(h -> h.createUpdate(String.format(copy, broken[0], broken[1]))
          .bind("id", UUID.randomUUID().toString()).execute()))
          .as(String.join(", ", broken)).isInstanceOf(org.jdbi.v3.core.JdbiException.class);
    }
    assertThatThrownBy(() -> db.useHandle(h -> h.execute("DELETE FROM coder WHERE key IN (SELECT coder_key FROM coding)")))
        .isInstanceOf(org.jdbi.v3.core.JdbiException.class);
    int after = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM coding").mapTo(Integer.class).one());
    assertThat(after).isEqualTo(before).isPositive();
  }

  @Test
  void aSecondWriterIsRefusedWithAClearMessage() throws Exception {
    ProjectLocation location = freshLocation();
    ProjectStores.create(location, newProject("locked-" + UUID.randomUUID()), seedBuiltIn()).close();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ProjectStore first = ProjectStores.open(location); ProjectStore second = ProjectStores.open(location)) {
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<?> writer = pool.submit(() -> first.write(s -> {
        s.coders().add(new Coder(UUID.randomUUID(), "first"));
        holding.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
      try {
        assertThatThrownBy(() -> second.write(s -> {
          s.coders().add(new Coder(UUID.randomUUID(), "second"));
          return null;
        })).isInstanceOf(ProjectAccessException.class).hasMessageContaining("is being changed by another process");
        // reading is not blocked by a writer
        List<DocumentSummary> readable = second.read(s -> s.documents().list());
        assertThat(readable).isEmpty();
      } finally {
        release.countDown();
      }
      writer.get(30, TimeUnit.SECONDS);
      List<Coder> coders = second.read(s -> s.coders().list());
      assertThat(coders).extracting(Coder::name).containsExactly("first");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesToCreateAProjectThatExists() {
    ProjectLocation location = freshLocation();
    String name = "twice-" + UUID.randomUUID();
    ProjectStores.create(location, newProject(name), seedBuiltIn()).close();
    assertThatThrownBy(() -> ProjectStores.create(location, newProject(name), seedBuiltIn()))
        .isInstanceOf(ProjectAccessException.class).hasMessageContaining("already");
  }

  @Test
  void aFailedSeedLeavesNoProject() {
    ProjectLocation location = freshLocation();
    assertThatThrownBy(() -> ProjectStores.create(location, newProject("failing-" + UUID.randomUUID()), s -> {
      ProjectSeed.from(s, BuiltInCategorySystem.get(), "tester", NOW);
      throw new InputException("stop here");
    })).hasMessage("stop here");
    assertThatThrownBy(() -> ProjectStores.open(location)).isInstanceOf(ProjectAccessException.class)
        .hasMessageContaining("no project");
  }
}
