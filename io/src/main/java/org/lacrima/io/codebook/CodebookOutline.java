package org.lacrima.io.codebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CodebookDiff;
import org.lacrima.core.codebook.CryingForm;
import org.lacrima.core.codebook.Delimitation;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.core.codebook.Orientation;
import org.lacrima.core.codebook.Relation;
import org.lacrima.core.codebook.SystemInfo;
import org.lacrima.io.codebook.CodebookBlock.Field;
import org.lacrima.io.codebook.CodebookBlock.Heading;
import org.lacrima.io.codebook.CodebookBlock.Items;
import org.lacrima.io.codebook.CodebookBlock.Link;
import org.lacrima.io.codebook.CodebookBlock.Paragraph;
import org.lacrima.io.codebook.CodebookBlock.Table;
import org.lacrima.io.codebook.CodebookBlock.Tree;

/**
 * What a codebook says, in reading order, for one language: the header (title, citation, notice,
 * translation note), the category tree, one section per category with every field a coder needs,
 * and the relations. The document formats share it so that none of them can forget a field.
 */
final class CodebookOutline {

  static final String OVERVIEW_ANCHOR = "overview";
  static final String CATEGORIES_ANCHOR = "categories";
  static final String RELATIONS_ANCHOR = "relations";

  // Every field is rendered as one paragraph or list item; line breaks inside a text would break
  // Markdown lists and tables, and control characters cannot be carried by XML (DOCX, XHTML).
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\s]]");

  private final CategorySystem system;
  private final CodebookLanguage language;
  private final Optional<String> projectVersion;
  private final List<CodebookBlock> blocks = new ArrayList<>();

  private CodebookOutline(CategorySystem system, Optional<String> projectVersion, CodebookLanguage language) {
    this.system = system;
    this.language = language;
    this.projectVersion = projectVersion;
    header(system.info());
    overview();
    blocks.add(new Heading(2, term(CodebookTerm.CATEGORIES), CATEGORIES_ANCHOR));
    system.categories().forEach(this::category);
    relations();
  }

  /**
   * @throws org.lacrima.core.InputException if the language is neither "en" nor "de"
   */
  static CodebookOutline of(CategorySystem system, String language) {
    return of(system, Optional.empty(), language);
  }

  /** The outline of a project's version of a system, named as the project names it. */
  static CodebookOutline of(CategorySystem system, Optional<String> projectVersion, String language) {
    return new CodebookOutline(system, projectVersion, CodebookLanguage.of(language));
  }

  /** The anchor of a category's section: its UUID, so that links survive renaming. */
  static String anchor(UUID category) {
    return "c-" + category;
  }

  CodebookLanguage language() {
    return language;
  }

  String title() {
    return text(system.info().title());
  }

  List<CodebookBlock> blocks() {
    return List.copyOf(blocks);
  }

  private void header(SystemInfo info) {
    blocks.add(new Heading(1, title(), ""));
    besideInOtherLanguage(CodebookTerm.TITLE, info.title());
    field(CodebookTerm.SYSTEM, info.id());
    field(CodebookTerm.VERSION, info.version());
    source().ifPresent(source -> field(CodebookTerm.SOURCE, source));
    field(CodebookTerm.LANGUAGE, language.nameOf(language));
    field(CodebookTerm.CITATION, info.citation());
    if (!info.citationUrl().isBlank()) {
      blocks.add(new Link(term(CodebookTerm.CITATION_LINK), flat(info.citationUrl())));
    }
    field(CodebookTerm.NOTICE, text(info.notice()));
    besideInOtherLanguage(CodebookTerm.NOTICE, info.notice());
    field(CodebookTerm.TRANSLATION_NOTE, text(info.translationNote()));
  }

  /** Which version of a project's system this is, and how it differs from the release it grew from. */
  private Optional<String> source() {
    Optional<String> changed = changesByATeam().map(n -> String.format(java.util.Locale.ROOT,
        term(CodebookTerm.CHANGED_BY_TEAM), BuiltInCategorySystem.get().info().version(), n));
    if (projectVersion.isEmpty()) {
      return changed;
    }
    String named = String.format(java.util.Locale.ROOT, term(CodebookTerm.PROJECT_VERSION), flat(projectVersion.get()));
    return Optional.of(changed.map(c -> named + "; " + c).orElse(named));
  }

  /**
   * How many differences a project's version of the built-in system has from the release: a handed-out codebook of
   * a team's version must not pass for the release, whose notice says its texts are all Lacrima's own wording.
   */
  private Optional<Integer> changesByATeam() {
    CategorySystem release = BuiltInCategorySystem.get();
    if (!system.info().id().equals(release.info().id())) {
      return Optional.empty();
    }
    int n = CodebookDiff.between(release, system).size();
    return n == 0 ? Optional.empty() : Optional.of(n);
  }

  private void overview() {
    blocks.add(new Heading(2, term(CodebookTerm.OVERVIEW), OVERVIEW_ANCHOR));
    List<Tree.Node> nodes = system.categories().stream()
        .map(c -> new Tree.Node(system.depth(c.id()), text(c.label()), anchor(c.id()), mark(c)))
        .toList();
    blocks.add(new Tree(nodes));
  }

  /** What the overview says beside a label: grouping node, a state other than active, exclusive subcategories. */
  private String mark(Category c) {
    List<String> marks = new ArrayList<>();
    if (!c.codable()) {
      marks.add(term(CodebookTerm.GROUPING_MARK));
    }
    if (!c.state().isActive()) {
      marks.add(state(c));
    }
    if (c.exclusiveChildren()) {
      marks.add(term(CodebookTerm.EXCLUSIVE_MARK));
    }
    return String.join("; ", marks);
  }

  /** "retired", "merged into X", "split into A, B"; empty for an active category. */
  private String state(Category c) {
    return CategoryStateWording.of(c, language.code(), this::label);
  }

  private void category(Category c) {
    blocks.add(new Heading(3, text(c.label()), anchor(c.id())));
    field(CodebookTerm.PATH, system.path(c.id(), language.code()));
    field(CodebookTerm.ID, c.id().toString());
    field(CodebookTerm.TYPE, term(c.codable() ? CodebookTerm.CODABLE : CodebookTerm.GROUPING));
    // a handed-out codebook must say which categories no longer take codings, and where their codings went
    if (!c.state().isActive()) {
      field(CodebookTerm.STATE, state(c) + " (" + term(switch (c.state().status()) {
        case MERGED -> CodebookTerm.MERGED_NOTE;
        case SPLIT -> CodebookTerm.SPLIT_NOTE;
        default -> CodebookTerm.RETIRED_NOTE;
      }) + ")");
    }
    if (c.exclusiveChildren()) {
      field(CodebookTerm.SUBCATEGORIES, term(CodebookTerm.EXCLUSIVE_CHILDREN));
      // the level of measurement decides which distances agreement uses: a handout must say it
      switch (c.scale()) {
        case ORDINAL -> field(CodebookTerm.SCALE, term(CodebookTerm.SCALE_ORDINAL) + " " + system.inScaleOrder(
            system.children(c.id())).stream().filter(ch -> ch.state().isActive()).map(ch -> text(ch.label()))
            .collect(java.util.stream.Collectors.joining(" < ")));
        case INTERVAL -> field(CodebookTerm.SCALE, term(CodebookTerm.SCALE_INTERVAL));
        case RATIO -> field(CodebookTerm.SCALE, term(CodebookTerm.SCALE_RATIO));
        default -> {
        }
      }
    }
    c.parent().map(system::get).filter(Category::exclusiveChildren).ifPresent(p ->
        field(CodebookTerm.EXCLUSIVE_GROUP, term(CodebookTerm.EXCLUSIVE_GROUP_NOTE) + " " + text(p.label())));
    besideInOtherLanguage(CodebookTerm.LABEL, c.label());
    // An empty definition is shown, not left out: a coder should see that it is missing.
    String definition = lines(shown(c.definition()));
    field(CodebookTerm.DEFINITION, definition.isEmpty() ? term(CodebookTerm.MISSING) : definition);
    besideInOtherLanguage(CodebookTerm.DEFINITION, c.definition());
    items(CodebookTerm.INDICATORS, texts(c.indicators()));
    items(CodebookTerm.CODE_WHEN, texts(c.codeWhen()));
    items(CodebookTerm.DO_NOT_CODE_WHEN, texts(c.doNotCodeWhen()));
    items(CodebookTerm.DELIMITATIONS, c.delimitations().stream().map(this::delimitation).toList());
    items(CodebookTerm.EXAMPLES, texts(c.examples()));
    field(CodebookTerm.PAPER_SECTION, c.paperSection());
    items(CodebookTerm.ORIENTATION_NOTES, orientationNotes(c));
    c.cryingForm().ifPresent(this::cryingForm);
    items(CodebookTerm.RELATIONS, system.relationsOf(c.id()).stream().map(this::relation).toList());
  }

  private String delimitation(Delimitation d) {
    return label(d.neighbour()) + ": " + both(d.text());
  }

  private List<String> orientationNotes(Category c) {
    List<String> notes = new ArrayList<>();
    for (Orientation o : Orientation.values()) {
      LocalizedText note = c.orientationNotes().get(o);
      if (note != null && !note.isEmpty()) {
        notes.add(language.wording(o) + ": " + both(note));
      }
    }
    return notes;
  }

  private void cryingForm(CryingForm f) {
    items(CodebookTerm.EMOTIONS, texts(f.emotions()));
    items(CodebookTerm.TRIGGERS, texts(f.triggers()));
    items(CodebookTerm.QUALITY, texts(f.quality()));
    field(CodebookTerm.INTERACTIVE_FUNCTION, language.wording(f.interactiveFunction()));
    items(CodebookTerm.COUNTERTRANSFERENCE, texts(f.countertransference()));
    String acceptance = both(f.acceptance().text());
    field(CodebookTerm.ACCEPTANCE, language.wording(f.acceptance().level())
        + (acceptance.isEmpty() ? "" : " — " + acceptance));
  }

  /** A relation as seen from one of its categories: "kind: from → to (rests on: …) — note". */
  private String relation(Relation r) {
    String arrow = r.kind().symmetric() ? " ↔ " : " → ";
    StringBuilder s = new StringBuilder()
        .append(language.wording(r.kind())).append(": ")
        .append(label(r.from())).append(arrow).append(label(r.to()));
    if (!r.paperSection().isBlank()) {
      s.append(" (").append(term(CodebookTerm.PAPER_SECTION)).append(": ").append(flat(r.paperSection())).append(')');
    }
    String note = both(r.note());
    if (!note.isEmpty()) {
      s.append(" — ").append(note);
    }
    return s.toString();
  }

  private void relations() {
    blocks.add(new Heading(2, term(CodebookTerm.RELATIONS), RELATIONS_ANCHOR));
    if (system.relations().isEmpty()) {
      blocks.add(new Paragraph(term(CodebookTerm.NONE)));
      return;
    }
    List<String> header = List.of(term(CodebookTerm.KIND), term(CodebookTerm.FROM), term(CodebookTerm.TO),
        term(CodebookTerm.DIRECTED), term(CodebookTerm.PAPER_SECTION), term(CodebookTerm.NOTE));
    List<List<String>> rows = system.relations().stream()
        .map(r -> List.of(language.wording(r.kind()), label(r.from()), label(r.to()),
            term(r.kind().symmetric() ? CodebookTerm.NO : CodebookTerm.YES),
            flat(r.paperSection()), both(r.note())))
        .toList();
    blocks.add(new Table(header, rows));
  }

  /**
   * The other language's text next to the chosen one, where it exists and says something else (an untranslated
   * text is shown once, in the other language, marked as such).
   */
  private void besideInOtherLanguage(CodebookTerm name, LocalizedText t) {
    CodebookLanguage other = language.other();
    t.exactly(other.code())
        .map(CodebookOutline::lines)
        .filter(s -> !s.isEmpty() && !s.equals(lines(t.in(language.code()))))
        .ifPresent(s -> blocks.add(new Field(term(name) + " — " + language.nameOf(other), s)));
  }

  private void field(CodebookTerm name, String value) {
    String v = lines(value);
    if (!v.isEmpty()) {
      blocks.add(new Field(term(name), v));
    }
  }

  private void items(CodebookTerm name, List<String> items) {
    List<String> nonEmpty = items.stream().map(CodebookOutline::lines).filter(s -> !s.isEmpty()).toList();
    if (!nonEmpty.isEmpty()) {
      blocks.add(new Items(term(name), nonEmpty));
    }
  }

  private String label(UUID category) {
    return text(system.get(category).label());
  }

  private String term(CodebookTerm t) {
    return language.term(t);
  }

  private String text(LocalizedText t) {
    return flat(shown(t));
  }

  /** A written text (not a name) on one line, with the other language's own wording beside it where it has one. */
  private String both(LocalizedText t) {
    return text(t) + otherLanguage(t).map(o -> " (" + language.nameOf(language.other()) + ": " + flat(o) + ")")
        .orElse("");
  }

  /** Texts of fields and items: their own line breaks kept, as the team wrote them. */
  private List<String> texts(List<LocalizedText> list) {
    return list.stream().map(t -> lines(shown(t)) + otherLanguage(t).map(o -> "\n" + language.nameOf(language.other())
        + ": " + lines(o)).orElse("")).toList();
  }

  /**
   * An item's or note's text in the other language, where it has one of its own: a team that wrote both must find
   * both in either codebook (the definition has a block of its own for it).
   */
  private Optional<String> otherLanguage(LocalizedText t) {
    Optional<String> mine = t.exactly(language.code());
    return mine.isEmpty() ? Optional.empty() : t.exactly(language.other().code()).filter(o -> !o.equals(mine.get()));
  }

  /**
   * A text in the codebook's language, or where it has none (a field not yet translated), in the other one
   * marked as such: a German reader must not take an English example for the team's German wording.
   */
  private String shown(LocalizedText t) {
    if (t.isEmpty() || t.exactly(language.code()).isPresent()) {
      return t.in(language.code());
    }
    return t.in(language.code()) + " " + term(CodebookTerm.ONLY_IN_OTHER_LANGUAGE);
  }

  /**
   * Each line flat, the lines kept, and a run of empty lines kept as one (a paragraph break): for the texts that may
   * run over several lines.
   */
  static String lines(String text) {
    List<String> out = new java.util.ArrayList<>();
    for (String line : text.lines().map(CodebookOutline::flat).toList()) {
      if (!line.isEmpty() || (!out.isEmpty() && !out.get(out.size() - 1).isEmpty())) {
        out.add(line);
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return String.join("\n", out);
  }

  static String flat(String text) {
    return WHITESPACE.matcher(CONTROL.matcher(text).replaceAll("")).replaceAll(" ").strip();
  }
}
