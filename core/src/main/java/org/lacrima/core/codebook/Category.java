package org.lacrima.core.codebook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.agreement.Scale;

/**
 * A category of a category system, with everything a coder needs to apply it. Grouping nodes (the
 * two domains of the built-in system) are not codable. {@code paperSection} names the section of
 * the paper a built-in category rests on; a team's own categories may leave it empty. {@code state}
 * tells whether it still takes codings; {@code exclusiveChildren} marks its children as mutually
 * exclusive (one variable for agreement), whose level of measurement is {@code scale}: nominal
 * unless a table import says otherwise (ordinal children in their order, interval or ratio children
 * labelled by their numbers).
 */
public record Category(
    UUID id,
    Optional<UUID> parent,
    boolean codable,
    LocalizedText label,
    LocalizedText definition,
    List<LocalizedText> indicators,
    List<LocalizedText> codeWhen,
    List<LocalizedText> doNotCodeWhen,
    List<Delimitation> delimitations,
    List<LocalizedText> examples,
    String paperSection,
    Map<Orientation, LocalizedText> orientationNotes,
    Optional<CryingForm> cryingForm,
    CategoryState state,
    boolean exclusiveChildren,
    Scale scale) {

  public Category {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(definition, "definition");
    indicators = List.copyOf(indicators);
    codeWhen = List.copyOf(codeWhen);
    doNotCodeWhen = List.copyOf(doNotCodeWhen);
    delimitations = List.copyOf(delimitations);
    examples = List.copyOf(examples);
    Objects.requireNonNull(paperSection, "paperSection");
    EnumMap<Orientation, LocalizedText> notes = new EnumMap<>(Orientation.class);
    notes.putAll(orientationNotes);
    orientationNotes = Map.copyOf(notes);
    Objects.requireNonNull(cryingForm, "cryingForm");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(scale, "scale");
  }

  /** The fields of the paper's category system, active, children not exclusive. */
  public Category(UUID id, Optional<UUID> parent, boolean codable, LocalizedText label, LocalizedText definition,
      List<LocalizedText> indicators, List<LocalizedText> codeWhen, List<LocalizedText> doNotCodeWhen,
      List<Delimitation> delimitations, List<LocalizedText> examples, String paperSection,
      Map<Orientation, LocalizedText> orientationNotes, Optional<CryingForm> cryingForm) {
    this(id, parent, codable, label, definition, indicators, codeWhen, doNotCodeWhen, delimitations, examples,
        paperSection, orientationNotes, cryingForm, CategoryState.ACTIVE, false, Scale.NOMINAL);
  }

  /** A minimal codable category, as a team adds one during analysis. */
  public static Category named(UUID id, Optional<UUID> parent, LocalizedText label) {
    return new Category(id, parent, true, label, LocalizedText.empty(), List.of(), List.of(),
        List.of(), List.of(), List.of(), "", Map.of(), Optional.empty());
  }

  public boolean isRoot() {
    return parent.isEmpty();
  }

  /** Codable and active: a category new codings may use. */
  public boolean openForCoding() {
    return codable && state.isActive();
  }

  public Category withParent(Optional<UUID> newParent) {
    return new Category(id, newParent, codable, label, definition, indicators, codeWhen, doNotCodeWhen,
        delimitations, examples, paperSection, orientationNotes, cryingForm, state, exclusiveChildren, scale);
  }

  public Category withCodable(boolean takesCodings) {
    return new Category(id, parent, takesCodings, label, definition, indicators, codeWhen, doNotCodeWhen,
        delimitations, examples, paperSection, orientationNotes, cryingForm, state, exclusiveChildren, scale);
  }

  public Category withLabel(LocalizedText newLabel) {
    return new Category(id, parent, codable, newLabel, definition, indicators, codeWhen, doNotCodeWhen,
        delimitations, examples, paperSection, orientationNotes, cryingForm, state, exclusiveChildren, scale);
  }

  public Category withState(CategoryState newState) {
    return new Category(id, parent, codable, label, definition, indicators, codeWhen, doNotCodeWhen,
        delimitations, examples, paperSection, orientationNotes, cryingForm, newState, exclusiveChildren, scale);
  }

  public Category withExclusiveChildren(boolean exclusive) {
    return new Category(id, parent, codable, label, definition, indicators, codeWhen, doNotCodeWhen,
        delimitations, examples, paperSection, orientationNotes, cryingForm, state, exclusive, scale);
  }

  /** Marks the children mutually exclusive, as one variable of the given scale. */
  public Category withGroup(boolean exclusive, Scale newScale) {
    return new Category(id, parent, codable, label, definition, indicators, codeWhen, doNotCodeWhen,
        delimitations, examples, paperSection, orientationNotes, cryingForm, state, exclusive, newScale);
  }

  public Category withDelimitations(List<Delimitation> newDelimitations) {
    return new Category(id, parent, codable, label, definition, indicators, codeWhen, doNotCodeWhen,
        newDelimitations, examples, paperSection, orientationNotes, cryingForm, state, exclusiveChildren, scale);
  }
}
