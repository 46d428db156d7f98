package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NVivo's coding comparison (help page "Coding Comparison query"): Cohen's kappa on the characters of one
 * source, coded or not by each of two users, for one node. The reference case fixes a 1000-character source
 * with 50 characters coded by both, 100 by the first only, 50 by the second only.
 */
class NvivoCharacterTableTest {

  @Test
  void reproducesTheHelpPagesFormula() {
    ReferenceAssertions.assertCase("nvivo_style_character_table");
  }

  /** The same table built from spans: both [0, 50), first also [50, 150), second also [500, 550). */
  @Test
  void tableFromSpansGivesTheHelpPagesKappa() {
    UnitizingStudy document = new UnitizingStudy(0, 1000, 2, List.of(
        new CodedSpan(0, 0, 150, "node"),
        new CodedSpan(1, 0, 50, "node"),
        new CodedSpan(1, 500, 50, "node")));
    CharacterTable table = CharacterTable.of(document, "node", 0, 1);
    assertThat(table).isEqualTo(new CharacterTable(50, 100, 50, 800));
    // NVivo help: EF1 = 150·100/1000 = 15, EF2 = 850·900/1000 = 765, K = (850 − 780)/(1000 − 780)
    assertThat(table.kappa().value().getAsDouble()).isCloseTo((850.0 - 780) / (1000 - 780), within(1e-12));
    assertThat(table.percentageAgreement().value().getAsDouble()).isCloseTo(0.85, within(1e-12));
  }

  /** Overlapping spans of one user count each character once, as coverage does in NVivo. */
  @Test
  void overlappingSpansOfOneCoderCountEachCharacterOnce() {
    CharacterTable table = CharacterTable.of(100, List.of(
        new CodedSpan(0, 10, 30, "node"), new CodedSpan(0, 20, 30, "node"),
        new CodedSpan(1, 40, 20, "node")), "node", 0, 1);
    // first covers [10, 50) = 40, second [40, 60) = 20, both [40, 50) = 10
    assertThat(table).isEqualTo(new CharacterTable(10, 30, 10, 50));
  }

  /**
   * Pooled over documents by adding the tables: a short document where the users agree and a long one where
   * they do not give the kappa of the summed table, not the mean of the two kappas.
   */
  @Test
  void pooledKappaIsTheKappaOfTheSummedTable() {
    CharacterTable agreeing = new CharacterTable(40, 5, 5, 50);
    CharacterTable disagreeing = new CharacterTable(10, 200, 150, 640);
    CharacterTable pooled = CharacterTable.pooled(List.of(agreeing, disagreeing));
    assertThat(pooled).isEqualTo(new CharacterTable(50, 205, 155, 690));
    // by hand: n = 1100, Ao = 740/1100; first coded 255, second 205: Ae = (255·205 + 845·895)/1100²
    double ao = 740.0 / 1100;
    double ae = (255.0 * 205 + 845.0 * 895) / (1100.0 * 1100);
    assertThat(pooled.kappa().value().getAsDouble()).isCloseTo((ao - ae) / (1 - ae), within(1e-12));
    double meanOfKappas = (agreeing.kappa().value().getAsDouble() + disagreeing.kappa().value().getAsDouble()) / 2;
    assertThat(pooled.kappa().value().getAsDouble()).isNotCloseTo(meanOfKappas, within(0.01));
  }

  @Test
  void aDocumentNobodyCodedHasNoKappa() {
    Estimate kappa = new CharacterTable(0, 0, 0, 1000).kappa();
    assertThat(kappa.defined()).isFalse();
    assertThat(kappa.undefinedBecause()).hasValue("chance agreement is 1: every value is the same");
  }
}
