package org.lacrima.io.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CryingForm;
import org.lacrima.core.codebook.Delimitation;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.core.codebook.Relation;
import org.lacrima.core.codebook.SystemInfo;

/**
 * Every text a codebook in one language must show, gathered from the system itself rather than
 * from the outline, so that a field the outline forgets is caught.
 */
final class ExpectedTexts {

  private final CategorySystem system;
  private final String language;
  private final String other;
  private final List<String> texts = new ArrayList<>();

  private ExpectedTexts(CategorySystem system, String language) {
    this.system = system;
    this.language = language;
    this.other = language.equals(LocalizedText.GERMAN) ? LocalizedText.ENGLISH : LocalizedText.GERMAN;
  }

  static List<String> of(CategorySystem system, String language) {
    ExpectedTexts e = new ExpectedTexts(system, language);
    e.info(system.info());
    system.categories().forEach(e::category);
    system.relations().forEach(e::relation);
    return e.texts.stream().map(ExpectedTexts::normalized).filter(s -> !s.isEmpty()).toList();
  }

  /** Fails naming every expected text the document lacks, not just the first. */
  static void assertAllIn(String document, CategorySystem system, String language) {
    String doc = normalized(document);
    List<String> missing = of(system, language).stream().filter(t -> !doc.contains(t)).toList();
    assertThat(missing).as("texts missing from the %s codebook", language).isEmpty();
  }

  static String normalized(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private void info(SystemInfo info) {
    bilingual(info.title());
    texts.add(info.id());
    texts.add(info.version());
    texts.add(info.citation());
    texts.add(info.citationUrl());
    bilingual(info.notice());
    texts.add(info.translationNote().in(language));
  }

  private void category(Category c) {
    texts.add(system.path(c.id(), language));
    texts.add(c.id().toString());
    bilingual(c.label());
    bilingual(c.definition());
    all(c.indicators());
    all(c.codeWhen());
    all(c.doNotCodeWhen());
    for (Delimitation d : c.delimitations()) {
      texts.add(label(d.neighbour()));
      texts.add(d.text().in(language));
    }
    all(c.examples());
    texts.add(c.paperSection());
    c.orientationNotes().values().forEach(n -> texts.add(n.in(language)));
    c.cryingForm().ifPresent(this::cryingForm);
  }

  private void cryingForm(CryingForm f) {
    all(f.emotions());
    all(f.triggers());
    all(f.quality());
    all(f.countertransference());
    texts.add(f.acceptance().text().in(language));
    boolean german = language.equals(LocalizedText.GERMAN);
    texts.add(switch (f.interactiveFunction()) {
      case STRONG -> german ? "stark" : "strong";
      case MODERATE -> german ? "mittel" : "moderate";
      case MINIMAL -> german ? "gering" : "minimal";
    });
    texts.add(switch (f.acceptance().level()) {
      case NON_ACCEPTANCE -> german ? "keine Akzeptanz" : "non-acceptance";
      case GROWING_AWARENESS -> german ? "wachsende Bewusstheit" : "growing awareness";
      case ACCEPTANCE -> german ? "Akzeptanz" : "acceptance";
      case NOT_DESCRIBED -> german ? "nicht beschrieben" : "not described";
    });
  }

  private void relation(Relation r) {
    // the paper's wording stays in the document whatever its language
    texts.add(r.kind().wording());
    texts.add(label(r.from()));
    texts.add(label(r.to()));
    texts.add(r.paperSection());
    texts.add(r.note().in(language));
  }

  private void bilingual(LocalizedText t) {
    texts.add(t.in(language));
    t.exactly(other).ifPresent(texts::add);
  }

  private void all(List<LocalizedText> list) {
    list.forEach(t -> texts.add(t.in(language)));
  }

  private String label(UUID category) {
    return system.get(category).label().in(language);
  }
}
