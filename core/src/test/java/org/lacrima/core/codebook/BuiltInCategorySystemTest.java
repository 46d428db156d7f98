package org.lacrima.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lacrima.core.codebook.CryingForm.InteractiveFunction;

/** The built-in system holds exactly the paper's categories and relations, with every field filled. */
class BuiltInCategorySystemTest {

  private final CategorySystem system = BuiltInCategorySystem.get();

  /** The hierarchy as the paper's Results lay it out: indentation is depth. */
  private static final String HIERARCHY = """
      Assumptions
        Forms of emotional crying
          Protest crying
          Overwhelmed crying
          Crying in grief
          Positive crying
        The therapeutic relationship
          Therapeutic stance
          Crying as a relational enhancer
          Crying as a relational challenge
        The therapeutic process
          Crying as incidental to the process
          Crying promotes the process (potential for change)
            Diagnostic access
            Relief/Catharsis
            Emotional access
            Emotional deepening
            Integrative function
          Crying impedes the process (resistance to change)
            Crying as manipulation
            Crying as resistance
      Interventions
        Addressing
          Perceiving the here-and-now quality of the crying
          Exploring emotions
          Contextualizing the crying in an actively therapeutic manner
        Giving space
          Pause
          Letting narrate
        Neutralizing
          Providing support in an actively therapeutic manner
          Exploring facts
          Initiating a change of topic/ending the session
      """;

  @Test
  void hasExactlyThePapersHierarchy() {
    List<String> actual = system.categories().stream()
        .map(c -> "  ".repeat(system.depth(c.id())) + c.label().english())
        .toList();
    assertThat(actual).containsExactlyElementsOf(HIERARCHY.lines().toList());
  }

  @Test
  void theTwoDomainsGroupAndAllThirtyOneCategoriesBelowThemAreCodable() {
    assertThat(system.roots()).extracting(c -> c.label().english()).containsExactly("Assumptions", "Interventions");
    assertThat(system.roots()).noneMatch(Category::codable);
    assertThat(system.codable()).hasSize(31);
  }

  @Test
  void idsNeverChangeBetweenReleases() throws IOException {
    // the golden list was written when the ids were first issued; a release may add to it, never alter it
    Map<UUID, String> golden = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("builtin-category-ids.txt")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .forEach(l -> golden.put(UUID.fromString(l.substring(0, 36)), l.substring(37).strip()));
    }
    assertThat(golden).hasSize(33);
    golden.forEach((id, label) -> assertThat(system.contains(id)).as("id " + id + " (first issued for " + label + ")")
        .isTrue());
  }

  @Test
  void everyCodableCategoryHasEveryRequiredField() {
    for (Category c : system.codable()) {
      String name = c.label().english();
      assertThat(c.label().exactly("de")).as(name + " German label").isPresent();
      assertThat(c.definition().exactly("en")).as(name + " definition").isPresent();
      assertThat(c.definition().exactly("de")).as(name + " German definition").isPresent();
      assertThat(c.indicators()).as(name + " indicators").isNotEmpty();
      assertThat(c.codeWhen()).as(name + " code when").isNotEmpty();
      assertThat(c.doNotCodeWhen()).as(name + " do not code when").isNotEmpty();
      assertThat(c.delimitations()).as(name + " delimitations").isNotEmpty();
      assertThat(c.examples()).as(name + " examples").hasSizeGreaterThanOrEqualTo(2);
      assertThat(c.paperSection()).as(name + " paper section").startsWith("Results");
      for (List<LocalizedText> list : List.of(c.indicators(), c.codeWhen(), c.doNotCodeWhen(), c.examples())) {
        assertThat(list).allSatisfy(t -> assertThat(t.english()).as(name).isNotBlank());
      }
    }
    for (Category domain : system.roots()) {
      assertThat(domain.definition().exactly("en")).isPresent();
      assertThat(domain.definition().exactly("de")).isPresent();
      assertThat(domain.label().exactly("de")).isPresent();
    }
  }

  @Test
  void labelsAreUniqueInBothLanguagesSoThatEveryLabelNamesOneCategory() {
    for (Category c : system.categories()) {
      for (String label : c.label().values().values()) {
        assertThat(system.resolve(label).id()).as(label).isEqualTo(c.id());
      }
      assertThat(system.resolve(system.path(c.id())).id()).isEqualTo(c.id());
      assertThat(system.resolve(system.path(c.id(), "de")).id()).isEqualTo(c.id());
    }
  }

  @Test
  void noTwoCategoriesShareADefinitionOrAnExample() {
    Map<String, String> seen = new HashMap<>();
    for (Category c : system.categories()) {
      List<String> texts = new ArrayList<>();
      c.definition().values().values().forEach(texts::add);
      c.examples().forEach(e -> texts.addAll(e.values().values()));
      for (String t : texts) {
        String key = t.strip().toLowerCase();
        String other = seen.putIfAbsent(key, c.label().english());
        assertThat(other).as("\"" + t + "\" appears in " + other + " and " + c.label().english()).isNull();
      }
    }
  }

  @Test
  void everyDelimitationNamesAnExistingNeighbourOtherThanItself() {
    for (Category c : system.codable()) {
      for (Delimitation d : c.delimitations()) {
        assertThat(system.contains(d.neighbour())).as(c.label().english()).isTrue();
        assertThat(d.neighbour()).as(c.label().english() + " names itself").isNotEqualTo(c.id());
        assertThat(d.text().english()).isNotBlank();
      }
    }
  }

  @Test
  void theFourFormsOfCryingCarryTheirAttributes() {
    Map<String, InteractiveFunction> expected = Map.of(
        "Protest crying", InteractiveFunction.STRONG,
        "Overwhelmed crying", InteractiveFunction.MODERATE,
        "Crying in grief", InteractiveFunction.MINIMAL,
        "Positive crying", InteractiveFunction.MINIMAL);
    List<Category> forms = system.codable().stream().filter(c -> c.cryingForm().isPresent()).toList();
    assertThat(forms).extracting(c -> c.label().english()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Category c : forms) {
      CryingForm f = c.cryingForm().orElseThrow();
      assertThat(f.interactiveFunction()).as(c.label().english()).isEqualTo(expected.get(c.label().english()));
      assertThat(f.emotions()).isNotEmpty();
      assertThat(f.triggers()).isNotEmpty();
      assertThat(f.quality()).isNotEmpty();
      assertThat(f.countertransference()).isNotEmpty();
      assertThat(f.acceptance().text().english()).isNotBlank();
    }
    assertThat(system.resolve("Protest crying").cryingForm().orElseThrow().acceptance().level())
        .isEqualTo(CryingForm.AcceptanceLevel.NON_ACCEPTANCE);
    assertThat(system.resolve("Crying in grief").cryingForm().orElseThrow().acceptance().level())
        .isEqualTo(CryingForm.AcceptanceLevel.ACCEPTANCE);
  }

  @Test
  void orientationNotesStayWhereThePaperGivesThem() {
    Set<String> withNotes = system.categories().stream().filter(c -> !c.orientationNotes().isEmpty())
        .map(c -> c.label().english()).collect(Collectors.toSet());
    assertThat(withNotes).contains("Integrative function")
        .isSubsetOf("Integrative function", "Addressing", "Perceiving the here-and-now quality of the crying",
            "Exploring emotions", "Contextualizing the crying in an actively therapeutic manner");
  }

  @Test
  void holdsExactlyTheRelationsThePaperStates() {
    List<String> expected = List.of(
        "often associated with: Protest crying | Crying as resistance",
        "often associated with: Protest crying | Crying as a relational challenge",
        "often associated with: Crying as resistance | Crying as a relational challenge",
        "linked to: Crying as manipulation | Protest crying",
        "linked to: Crying as manipulation | Crying as a relational challenge",
        "linked to: Crying as resistance | Protest crying",
        "linked to: Crying as resistance | Crying as a relational challenge",
        "linked to: Positive crying | Relief/Catharsis",
        "linked to: Relief/Catharsis | Emotional access",
        "linked to: Relief/Catharsis | Emotional deepening",
        "linked to: Relief/Catharsis | Integrative function",
        "linked to: Emotional access | Perceiving the here-and-now quality of the crying",
        "linked to: Emotional deepening | Exploring emotions",
        "linked to: Integrative function | Contextualizing the crying in an actively therapeutic manner",
        "intersects with: Diagnostic access | Therapeutic stance",
        "counterpart of: Emotional access | Diagnostic access",
        "is the basis for: Therapeutic stance > Addressing",
        "is the basis for: Therapeutic stance > Giving space",
        "is the basis for: Therapeutic stance > Neutralizing");
    List<String> actual = system.relations().stream().map(r -> r.kind().wording() + ": "
        + system.get(r.from()).label().english() + (r.kind().symmetric() ? " | " : " > ")
        + system.get(r.to()).label().english()).toList();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(system.relations()).allSatisfy(r -> {
      assertThat(r.paperSection()).isNotBlank();
      assertThat(r.note().english()).isNotBlank();
    });
  }

  @Test
  void isReadOnly() {
    assertThat(system.categories()).isUnmodifiable();
    assertThat(system.relations()).isUnmodifiable();
    assertThat(BuiltInCategorySystem.get()).isSameAs(system);
  }
}
