package org.lacrima.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystemCodec;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.core.codebook.Orientation;
import picocli.CommandLine.Option;

/**
 * The fields of a category given on the command line or in a small YAML/JSON file (the shape of one
 * entry of the category system file). Lists given replace the whole list.
 */
final class CategoryFields {

  @Option(names = "--from", paramLabel = "FILE", description = "A YAML or JSON file with the category's fields.")
  Path file;

  @Option(names = "--label-de", paramLabel = "TEXT", description = "The German label.")
  String labelDe;

  @Option(names = "--definition", paramLabel = "TEXT", description = "The definition in English.")
  String definition;

  @Option(names = "--definition-de", paramLabel = "TEXT", description = "The definition in German.")
  String definitionDe;

  @Option(names = "--indicator", paramLabel = "TEXT", description = "An indicator (repeatable; those given replace all of the category's indicators).")
  List<String> indicators;

  @Option(names = "--code-when", paramLabel = "TEXT", description = "A rule: code when … (repeatable; those given replace all such rules).")
  List<String> codeWhen;

  @Option(names = "--do-not-code-when", paramLabel = "TEXT", description = "A rule: do not code when … (repeatable; those given replace all such rules).")
  List<String> doNotCodeWhen;

  @Option(names = "--example", paramLabel = "TEXT", description = "An example (repeatable; those given replace all of the category's examples).")
  List<String> examples;

  @Option(names = "--paper-section", paramLabel = "TEXT", description = "The section of a publication it rests on.")
  String paperSection;

  @Option(names = "--note", paramLabel = "ORIENTATION=TEXT", description = "An orientation-specific note (repeatable; replaces the note for that orientation only).")
  Map<String, String> notes;

  /** The category with every field given here put in; the rest as it was. */
  Category applyTo(Category c) {
    Category base = file == null ? c : fromFile(c);
    LocalizedText label = labelDe == null ? base.label() : base.label().with("de", typed(labelDe));
    LocalizedText def = base.definition();
    if (definition != null) {
      def = def.with("en", typed(definition));
    }
    if (definitionDe != null) {
      def = def.with("de", typed(definitionDe));
    }
    Map<Orientation, LocalizedText> orientationNotes = new EnumMap<>(Orientation.class);
    orientationNotes.putAll(base.orientationNotes());
    if (notes != null) {
      notes.forEach((k, v) -> orientationNotes.put(Orientation.parse(k)
          .orElseThrow(() -> new InputException("--note " + k + "=…: not an orientation (PDT, CBT, ST, other)")),
          LocalizedText.of(typed(v))));
    }
    return new Category(base.id(), base.parent(), base.codable(), label, def,
        texts(indicators, base.indicators()), texts(codeWhen, base.codeWhen()),
        texts(doNotCodeWhen, base.doNotCodeWhen()), base.delimitations(), texts(examples, base.examples()),
        paperSection == null ? base.paperSection() : typed(paperSection), orientationNotes, base.cryingForm(),
        base.state(), base.exclusiveChildren(), base.scale());
  }

  private static List<LocalizedText> texts(List<String> given, List<LocalizedText> old) {
    return given == null ? old : given.stream().map(t -> LocalizedText.of(typed(t))).toList();
  }

  /** A text typed in a shell, as texts are stored: LF line ends (a Windows shell gives CRLF), NFC. */
  private static String typed(String text) {
    return org.lacrima.core.text.DocumentText.normalizeString(text);
  }

  /** Fields from the file over the category; its id, place and state stay. */
  private Category fromFile(Category c) {
    JsonNode node;
    try (InputStream in = org.lacrima.io.InputFiles.asUtf8(file, CategorySystemCodec.MAX_YAML_BYTES,
        "category files")) {
      node = CategorySystemCodec.parseCategoryYaml(in, file.toString());
    } catch (IOException e) {
      throw org.lacrima.io.InputFiles.cannotBeRead(file.toString(), e);
    }
    checkCharacters(node, "");
    ObjectNode merged = CategorySystemCodec.category(c);
    node.properties().forEach(e -> {
      if (List.of("label", "definition").contains(e.getKey()) && merged.get(e.getKey()) instanceof ObjectNode held
          && (e.getValue().isObject() || e.getValue().isTextual())) {
        // a text per language, as --definition and --definition-de give them: a file may give one language alone (the
        // German label; the English definition as a plain text), and the other stays
        if (e.getValue() instanceof ObjectNode given) {
          held.setAll(given);
        } else {
          held.set("en", e.getValue());
        }
      } else if (!List.of("id", "parent", "state").contains(e.getKey())) {
        merged.set(e.getKey(), e.getValue());
      } else if (!e.getValue().equals(merged.get(e.getKey()))) {
        // a file written from an export repeats these as they are; one that changes them asks for another operation
        throw new InputException(file.toString(), e.getKey(), switch (e.getKey()) {
          case "id" -> "is not the id of the category named; a file gives fields, not the category";
          case "state" -> "a file gives fields, not a category's state; use category retire, merge or split";
          default -> "a file gives fields, not a category's place; use --parent when adding, category move later";
        });
      }
    });
    Category read = CategorySystemCodec.readCategoryFile(merged, file.toString());
    String named = c.label().english();
    if (!read.label().english().equals(named)) {
      // the English label is the category's name on the command line: it changes by category rename, logged as one
      throw new InputException(file.toString(), "label.en", "gives \"" + read.label().english() + "\" where the "
          + "command names the category \"" + named + "\"; leave label.en out, or give it as named there (an existing "
          + "category's English label changes by lacrima category rename)");
    }
    return new Category(c.id(), c.parent(), read.codable(), read.label(), read.definition(), read.indicators(),
        read.codeWhen(), read.doNotCodeWhen(), read.delimitations(), read.examples(), read.paperSection(),
        read.orientationNotes(), read.cryingForm(), c.state(), read.exclusiveChildren(), read.scale());
  }

  /**
   * Control characters and the like in the file's texts, named by the field they stand in ("examples item 2"): the same
   * check on the category once built could only say that "a text" of it holds one.
   */
  private void checkCharacters(JsonNode node, String path) {
    if (node.isTextual()) {
      org.lacrima.core.codebook.CategorySystem.controlProblem(node.asText()).ifPresent(problem -> {
        throw new InputException(file.toString(), path, problem);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkCharacters(node.get(i), path + " item " + (i + 1));
      }
    } else if (node.isObject()) {
      node.properties().forEach(e -> checkCharacters(e.getValue(), path.isEmpty() ? e.getKey()
          : path + "." + e.getKey()));
    }
  }

  /** A new codable category with only its label, to which the fields are then applied. */
  static Category bare(UUID id, Optional<UUID> parent, String label) {
    return Category.named(id, parent, LocalizedText.of(label));
  }
}
