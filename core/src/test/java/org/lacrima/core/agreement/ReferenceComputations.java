package org.lacrima.core.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How each coefficient name of the reference file is computed here, or why it is not. A name that is neither
 * mapped nor excluded makes {@link ReferenceCoverageTest} fail, so that a new name in the file cannot pass
 * unnoticed.
 */
final class ReferenceComputations {

  /** Names the file uses for coefficients we compute under another name. */
  private static final Map<String, String> ALIASES = Map.of(
      // irrCAC's functions for contingency tables: the same coefficients as the raw-data ones
      "kappa2.table", "cohen_kappa",
      "scott2.table", "scott_pi",
      "gwet.ac1.table", "gwet_ac1",
      "bp2.table", "bennett_s",
      "krippen2.table", "krippendorff_alpha_nominal",
      "pa2.table", "percentage_agreement",
      // known_issues: Agresti's and DKPro's "category kappa" pools the marginals (Fleiss' category kappa)
      "category_cohen_kappa", "fleiss_category_kappa",
      // the file's name for it; our output says fleiss_category_kappa, as the key list does
      "category_fleiss_kappa", "fleiss_category_kappa");

  /** Names in the file we do not compute, with the reason. */
  static final Map<String, String> EXCLUDED = exclusions();

  private static Map<String, String> exclusions() {
    Map<String, String> excluded = new LinkedHashMap<>();
    String icc = "intraclass correlation (irr::icc) is a measure of consistency of numeric ratings, not an agreement"
        + " coefficient the issue asks for; we do not compute it";
    excluded.put("icc_A1_twoway_agreement_single", icc);
    excluded.put("icc_C1_twoway_consistency_single", icc);
    return excluded;
  }

  /** Krippendorff's 1995 example holds only towards a continuum: DKPro stretches positions ×50000 (its notes). */
  static final double CONTINUUM_STRETCH = 50_000;

  private ReferenceComputations() {
  }

  /** The computed value, or why there is none. */
  record Computed(OptionalDouble value, String undefinedBecause) {

    static Computed of(double value) {
      return new Computed(OptionalDouble.of(value), "");
    }

    static Computed of(Estimate e) {
      return e.defined() ? of(e.value().getAsDouble()) : new Computed(OptionalDouble.empty(), e.undefinedBecause().orElseThrow());
    }

    static Computed part(Estimate e, String part) {
      Double v = e.parts().get(part);
      return v == null ? new Computed(OptionalDouble.empty(), e.coefficient() + " has no part " + part + " ("
          + e.undefinedBecause().orElse("defined") + ")") : of(v);
    }
  }

  static boolean excluded(String coefficient) {
    return EXCLUDED.containsKey(coefficient);
  }

  /** The computation for a value, or empty when the name is not mapped. */
  static Optional<Computed> compute(ReferenceCase c, ReferenceValue v) {
    String name = ALIASES.getOrDefault(v.coefficient(), v.coefficient());
    Optional<AgreementMeasure> measure = AgreementMeasures.byName(name);
    if (measure.isPresent()) {
      return Optional.of(Computed.of(measure.get().estimate(c.data())));
    }
    Optional<CategoryMeasure> perCategory = AgreementMeasures.categoryMeasure(name);
    if (perCategory.isPresent()) {
      ReliabilityData data = c.data();
      int category = data.domain().labels().indexOf(v.key().orElseThrow());
      if (category < 0) {
        throw new AssertionError(v + ": no category " + v.key().get() + " in " + data.domain().labels());
      }
      return Optional.of(Computed.of(perCategory.get().estimate(data, category)));
    }
    Optional<Computed> part = part(c, name);
    if (part.isPresent()) {
      return part;
    }
    return special(c, v, name);
  }

  /** "cohen_kappa_Ae", "krippendorff_alpha_interval_Do": a part of a registered coefficient. */
  private static Optional<Computed> part(ReferenceCase c, String name) {
    if (name.equals("cohen_kappa_max_Ao")) {
      return Optional.of(Computed.part(new CohenKappaMaximum().estimate(c.data()), "Ao_max"));
    }
    for (String part : List.of("Ao", "Ae", "Do", "De")) {
      String suffix = "_" + part;
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        Optional<AgreementMeasure> measure = AgreementMeasures.byName(base);
        if (measure.isPresent()) {
          return Optional.of(Computed.part(measure.get().estimate(c.data()), part));
        }
        Optional<AgreementMeasure> custom = customDistance(c, base);
        if (custom.isPresent()) {
          return Optional.of(Computed.part(custom.get().estimate(c.data()), part));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Computed> special(ReferenceCase c, ReferenceValue v, String name) {
    Optional<AgreementMeasure> custom = customDistance(c, name);
    if (custom.isPresent()) {
      return Optional.of(Computed.of(custom.get().estimate(c.data())));
    }
    return switch (name) {
      case "cohen_kappa_raters_1_2" -> Optional.of(Computed.of(new CohenKappa().estimate(c.data().coders(0, 1))));
      case "item_percentage_agreement_first5" -> {
        OptionalDouble unit = PairwisePercentageAgreement.ofUnit(c.data(), Integer.parseInt(v.key().orElseThrow()));
        yield Optional.of(unit.isPresent() ? Computed.of(unit.getAsDouble())
            : new Computed(OptionalDouble.empty(), "the unit has fewer than two values"));
      }
      case "unitizing_alpha" -> Optional.of(Computed.of(UnitizingAlpha.pooled(c.unitizing(stretch(c), Optional.empty()))));
      case "unitizing_alpha_category" -> Optional.of(Computed.of(
          UnitizingAlpha.forCategory(c.unitizing(stretch(c), Optional.empty()), v.key().orElseThrow())));
      case "unitizing_alpha_category_Do" -> Optional.of(Computed.part(
          UnitizingAlpha.forCategory(c.unitizing(1, Optional.empty()), v.key().orElseThrow()), "Do"));
      case "unitizing_alpha_category_De" -> Optional.of(Computed.part(
          UnitizingAlpha.forCategory(c.unitizing(1, Optional.empty()), v.key().orElseThrow()), "De"));
      case "unitizing_alpha_category_De_continuous_limit" -> Optional.of(Computed.part(
          UnitizingAlpha.forCategory(c.unitizing(CONTINUUM_STRETCH, Optional.empty()), v.key().orElseThrow()), "De"));
      case "unitizing_alpha_category_C_by_stretch" -> {
        // only category C has even positions throughout, so only it survives the stretch by 0.5 intact
        UnitizingStudy stretched = c.unitizing(Double.parseDouble(v.key().orElseThrow()), Optional.of("C"));
        yield Optional.of(Computed.of(UnitizingAlpha.forCategory(stretched, "C")));
      }
      case "unitizing_distance_delta2" -> {
        JsonNode pair = c.sectionPairs().get(Integer.parseInt(v.key().orElseThrow()));
        yield Optional.of(Computed.of(Section.delta2(section(pair.get("a")), section(pair.get("b")))));
      }
      default -> Optional.empty();
    };
  }

  /** Stretch for a unitizing case's alpha and De: 1 except for Krippendorff's 1995 example. */
  private static double stretch(ReferenceCase c) {
    return c.id().equals("krippendorff1995_unitizing") ? CONTINUUM_STRETCH : 1;
  }

  private static Section section(JsonNode triple) {
    return new Section(triple.get(0).asLong(), triple.get(1).asLong(), !triple.get(2).isNull());
  }

  /**
   * Artstein and Poesio's (2008, p. 568) distance: a check ("Chck") is half a disagreement with anything
   * else, other differences count fully.
   */
  static Distance artsteinPoesioDistance(ValueDomain domain) {
    int check = domain.labels().indexOf("Chck");
    return (a, b) -> a == b ? 0.0 : (a == check || b == check ? 0.5 : 1.0);
  }

  private static Optional<AgreementMeasure> customDistance(ReferenceCase c, String name) {
    return switch (name) {
      case "krippendorff_alpha_custom_distance" -> Optional.of(
          KrippendorffAlpha.withDistance(name, artsteinPoesioDistance(c.data().domain())));
      case "weighted_kappa_custom_distance" -> Optional.of(
          WeightedKappa.withDistance(name, artsteinPoesioDistance(c.data().domain())));
      default -> Optional.empty();
    };
  }
}
