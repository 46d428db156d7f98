package org.lacrima.core.codebook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.agreement.Scale;
import org.lacrima.core.codebook.CryingForm.Acceptance;
import org.lacrima.core.codebook.CryingForm.AcceptanceLevel;
import org.lacrima.core.codebook.CryingForm.InteractiveFunction;

/**
 * The file form of a category system: the built-in resource (YAML), the machine-readable codebook
 * export and the snapshots a project keeps of its versions (JSON). One shape for all three, so that
 * what is exported can be read back. Keys are snake_case; texts are maps from language to string.
 */
public final class CategorySystemCodec {

  /** Format version of the file shape itself (not of the category system it holds). */
  public static final int FORMAT = 1;

  // a key given twice would keep its last value without a word
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  // YAML 1.1 reads yes, no, on and off as true and false; here they stay words, and a boolean field refuses them
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CategorySystemCodec() {
  }

  /** A category system file (the built-in resource, or a revised system to upgrade to), read strictly. */
  public static CategorySystem readYaml(InputStream in, String source) {
    return readFile(parseYaml(in, source), source);
  }

  public static CategorySystem readJson(InputStream in, String source) {
    return readFile(parse(JSON, in, source, SYSTEM), source);
  }

  public static CategorySystem readJson(String json, String source) {
    try {
      return read(JSON.readTree(json), source);
    } catch (JsonProcessingException e) {
      throw new CategorySystemException(source, location(e), "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public static String toJson(CategorySystem system) {
    try {
      return JSON.writeValueAsString(write(system));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The same with a note on what the file is ({@code "_edition"}): a key beginning with "_" is a comment to readers of
   * the format, so the file still reads back as a system.
   */
  public static String toJson(CategorySystem system, String edition) {
    ObjectNode root = write(system);
    ObjectNode out = NODES.objectNode();
    out.put("_edition", edition);
    out.setAll(root);
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact JSON, for snapshots a project stores. */
  public static String toCompactJson(CategorySystem system) {
    return write(system).toString();
  }

  /** Compact JSON of any node this codec wrote. */
  public static String compact(JsonNode node) {
    return node.toString();
  }

  /** The most a category file (YAML or JSON) may hold: far more than a category system needs. */
  public static final int MAX_YAML_BYTES = 16 << 20;

  private static final String SYSTEM = "holds no category system (expected an object with 'categories')";

  private static JsonNode parse(ObjectMapper mapper, InputStream in, String source, String notAnObject) {
    try {
      JsonNode root;
      if (mapper == YAML) {
        // read twice (aliases, then the tree), so held in memory: no more than a category system could need
        byte[] bytes = in.readNBytes(MAX_YAML_BYTES + 1);
        if (bytes.length > MAX_YAML_BYTES) {
          throw new CategorySystemException(source, "", "is larger than " + (MAX_YAML_BYTES >> 20)
              + " MB, far more than a category system holds");
        }
        refuseAliases(bytes, source);
        root = mapper.readTree(bytes);
      } else {
        root = mapper.readTree(in);
      }
      if (root == null || !root.isObject()) {
        throw new CategorySystemException(source, "", notAnObject);
      }
      return root;
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      // Jackson's message names its own setting, which the user cannot change
      throw new CategorySystemException(source, location(e), "is refused: it nests deeper than Lacrima reads ("
          + "a category file needs a handful of levels)");
    } catch (JsonProcessingException e) {
      throw new CategorySystemException(source, location(e), "cannot be read: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new CategorySystemException(source, "", "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Jackson reads a YAML alias ("*name") as the text of its anchor's name, not as what the anchor marks, so a
   * definition written as an alias would be stored as "name". Texts are to be written out where they belong.
   */
  private static void refuseAliases(byte[] bytes, String source) throws IOException {
    try (YAMLParser p = (YAMLParser) YAML.getFactory().createParser(bytes)) {
      int depth = 0;
      int documents = 0;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (p.isCurrentAlias()) {
          throw new CategorySystemException(source, "line " + p.currentLocation().getLineNr(), "uses the YAML alias *"
              + p.getText() + ", which Lacrima does not follow: write the text out where it belongs");
        }
        if (depth == 0 && ++documents > 1) {
          // the tree holds the first document only: what follows a "---" would be dropped unsaid
          throw new CategorySystemException(source, "line " + p.currentLocation().getLineNr(), "starts a second YAML "
              + "document (after a line \"---\"), which would be left out; give everything in one document");
        }
        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
      }
    }
  }

  /**
   * The YAML parser's message without the quoted source line and its caret beneath (indented lines), which
   * would spread one error over five lines of the terminal.
   */
  static String oneLine(String message) {
    return message == null ? "malformed" : message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::strip).collect(java.util.stream.Collectors.joining("; "));
  }

  private static String location(JsonProcessingException e) {
    // SnakeYAML marks both where the construct began and where it went wrong; the line of the problem is the one
    // to look at (a stray "}" a line below an unfinished list)
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
      return "line " + (y.getProblemMark().getLine() + 1);
    }
    return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
  }

  // ---- reading ------------------------------------------------------------------------------

  /** One category in the file form, as {@link #category(Category)} wrote it. */
  public static Category readCategory(JsonNode node, String source) {
    return new Reader(source, false).category(node, "category");
  }

  /** One relation in the file form, as {@link #relation(Relation)} wrote it. */
  public static Relation readRelation(JsonNode node, String source) {
    return new Reader(source, false).relation(node, "relation");
  }

  /** A system's header, as {@link #info(SystemInfo)} wrote it. */
  public static SystemInfo readInfo(JsonNode sys, String source) {
    return new Reader(source, false).info(sys);
  }

  /** Parses JSON text this codec wrote. */
  public static JsonNode parseJson(String json, String source) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CategorySystemException(source, location(e), "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Parses YAML or JSON (YAML is a superset) of a whole system. */
  public static JsonNode parseYaml(InputStream in, String source) {
    return parse(YAML, in, source, SYSTEM);
  }

  /** Parses YAML or JSON of one category's fields. */
  public static JsonNode parseCategoryYaml(InputStream in, String source) {
    return parse(YAML, in, source, "holds no category (expected the fields of one, such as 'definition:')");
  }

  /**
   * A system from a file a person wrote or exported: a key the format does not know (a misspelt "definiton") is
   * refused rather than dropped. Snapshots a project stores are read with {@link #read}, as they were written.
   */
  public static CategorySystem readFile(JsonNode root, String source) {
    new Reader(source, true).known(root, "", "format", "format_version", "system", "categories", "relations");
    refuseControlCharacters(root, "", source);
    return read(root, source, true);
  }

  /**
   * A file a person wrote holds no control characters but line breaks and tabs, in any text: the system's title and
   * citation and the relations' notes are printed to terminals as they are (an escape sequence would act there).
   */
  private static void refuseControlCharacters(JsonNode node, String at, String source) {
    if (node.isTextual()) {
      CategorySystem.controlProblem(node.asText()).ifPresent(problem -> {
        throw new CategorySystemException(source, at.isEmpty() ? "the file" : at, problem);
      });
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseControlCharacters(node.get(i), at + "[" + i + "]", source);
      }
    }
    node.fields().forEachRemaining(e -> refuseControlCharacters(e.getValue(), at.isEmpty() ? e.getKey()
        : at + "." + e.getKey(), source));
  }

  /** One category's fields from a file a person wrote, strictly as {@link #readFile}. */
  public static Category readCategoryFile(JsonNode node, String source) {
    return new Reader(source, true).category(node, "category");
  }

  public static CategorySystem read(JsonNode root, String source) {
    return read(root, source, false);
  }

  private static CategorySystem read(JsonNode root, String source, boolean strict) {
    Reader r = new Reader(source, strict);
    SystemInfo info = r.info(root.path("system"));
    List<Category> categories = new ArrayList<>();
    JsonNode cats = root.path("categories");
    if (!cats.isArray()) {
      throw new CategorySystemException(source, "categories", "is missing or not a list");
    }
    for (int i = 0; i < cats.size(); i++) {
      categories.add(r.category(cats.get(i), "categories[" + i + "]"));
    }
    List<Relation> relations = new ArrayList<>();
    JsonNode rels = root.path("relations");
    if (!rels.isMissingNode() && !rels.isArray()) {
      throw new CategorySystemException(source, "relations", "is not a list");
    }
    for (int i = 0; i < rels.size(); i++) {
      relations.add(r.relation(rels.get(i), "relations[" + i + "]"));
    }
    return CategorySystem.of(info, categories, relations, source);
  }

  /** {@code strict}: refuse keys the format does not know (in files people write, not in stored snapshots). */
  private record Reader(String source, boolean strict) {

    void known(JsonNode node, String where, String... fields) {
      if (!strict || !node.isObject()) {
        return;
      }
      List<String> names = List.of(fields);
      node.fieldNames().forEachRemaining(f -> {
        if (!names.contains(f) && !f.startsWith("_")) { // "_comment": JSON has no comments of its own
          throw error(where.isEmpty() ? f : where + "." + f, "is not a field here (misspelt?); the fields are: "
              + String.join(", ", names));
        }
      });
    }

    boolean bool(JsonNode node, String field, String where, boolean absent) {
      JsonNode v = node.path(field);
      if (v.isMissingNode() || v.isNull()) {
        return absent;
      }
      if (!v.isBoolean()) {
        throw error(where + "." + field, "should be true or false, not " + v);
      }
      return v.booleanValue();
    }

    /** A list, or an object, where one is given at all. */
    JsonNode shaped(JsonNode node, String where, boolean list) {
      if (!node.isMissingNode() && !node.isNull() && (list ? !node.isArray() : !node.isObject())) {
        throw error(where, list ? "should be a list" : "should be a map of fields");
      }
      return node;
    }

    SystemInfo info(JsonNode sys) {
      known(sys, "system", "id", "version", "title", "citation", "notice", "translation_note");
      known(sys.path("citation"), "system.citation", "text", "osf");
      return new SystemInfo(
          text(sys, "id", "system", true),
          text(sys, "version", "system", true),
          localized(sys.path("title"), "system.title"),
          text(sys.path("citation"), "text", "system.citation", false),
          text(sys.path("citation"), "osf", "system.citation", false),
          localized(sys.path("notice"), "system.notice"),
          localized(sys.path("translation_note"), "system.translation_note"));
    }

    CategorySystemException error(String where, String problem) {
      return new CategorySystemException(source, where, problem);
    }

    String text(JsonNode node, String field, String where, boolean required) {
      JsonNode v = node.path(field);
      if (v.isMissingNode() || v.isNull()) {
        if (required) {
          throw error(where + "." + field, "is missing");
        }
        return "";
      }
      if (!v.isValueNode()) {
        throw error(where + "." + field, "should be a plain value");
      }
      if (strict && !v.isTextual()) {
        // YAML reads 3.10 as the number 3.1 and 010 as 8: the text as written is gone before it reaches us
        throw error(where + "." + field, "should be a text, but the file gives " + (v.isNumber() ? "the number "
            : "the value ") + v.asText() + "; put it in quotes as you mean it (\"3.10\", say, where 3.10 was "
            + "written) so that it is kept as written");
      }
      return v.asText();
    }

    UUID uuid(JsonNode node, String field, String where) {
      String s = text(node, field, where, true);
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        throw error(where + "." + field, "\"" + s + "\" is not a UUID");
      }
    }

    LocalizedText localized(JsonNode node, String where) {
      if (node.isMissingNode() || node.isNull()) {
        return LocalizedText.empty();
      }
      if (node.isTextual()) {
        return LocalizedText.of(node.asText());
      }
      if (!node.isObject()) {
        throw error(where, "should map languages to texts, e.g. {en: \"…\"}");
      }
      Map<String, String> values = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (strict && !List.of("en", "de").contains(e.getKey())) {
          // an "english:" or "EN:" key would be kept under a language no export writes, and the text shown as missing
          throw error(where + "." + e.getKey(), "is not a language of the category system; texts are given as en "
              + "(English) and de (German)");
        }
        if (!e.getValue().isTextual()) {
          throw error(where + "." + e.getKey(), "should be a text");
        }
        values.put(e.getKey(), e.getValue().asText());
      }
      return new LocalizedText(values);
    }

    List<LocalizedText> texts(JsonNode node, String where) {
      if (node.isMissingNode() || node.isNull()) {
        return List.of();
      }
      shaped(node, where, true);
      List<LocalizedText> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        out.add(localized(node.get(i), where + "[" + i + "]"));
      }
      return out;
    }

    Category category(JsonNode n, String where) {
      UUID id = uuid(n, "id", where);
      // named as the person who wrote the file knows it: by its English label, where it has one
      JsonNode labelled = n.path("label");
      String english = labelled.isTextual() ? labelled.asText() : labelled.path("en").asText("");
      String at = where + (english.isBlank() ? " (" + id + ")" : " \"" + english + "\"");
      known(n, at, "id", "parent", "path", "codable", "state", "exclusive_children", "scale", "label", "definition",
          "indicators", "code_when", "do_not_code_when", "delimitations", "examples", "paper_section",
          "orientation_notes", "crying_form");
      Optional<UUID> parent = n.hasNonNull("parent") ? Optional.of(uuid(n, "parent", at)) : Optional.empty();
      boolean codable = bool(n, "codable", at, true);
      List<Delimitation> delimitations = new ArrayList<>();
      JsonNode ds = shaped(n.path("delimitations"), at + ".delimitations", true);
      for (int i = 0; i < ds.size(); i++) {
        String dw = at + ".delimitations[" + i + "]";
        known(ds.get(i), dw, "neighbour", "neighbour_label", "text");
        delimitations.add(new Delimitation(uuid(ds.get(i), "neighbour", dw), localized(ds.get(i).path("text"), dw + ".text")));
      }
      Map<Orientation, LocalizedText> notes = new EnumMap<>(Orientation.class);
      JsonNode on = shaped(n.path("orientation_notes"), at + ".orientation_notes", false);
      Iterator<Map.Entry<String, JsonNode>> it = on.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        Orientation o = Orientation.parse(e.getKey())
            .orElseThrow(() -> error(at + ".orientation_notes." + e.getKey(), "is not an orientation (PDT, CBT, ST, other)"));
        notes.put(o, localized(e.getValue(), at + ".orientation_notes." + e.getKey()));
      }
      Optional<CryingForm> form = n.hasNonNull("crying_form")
          ? Optional.of(cryingForm(shaped(n.get("crying_form"), at + ".crying_form", false), at + ".crying_form"))
          : Optional.empty();
      LocalizedText label = localized(n.path("label"), at + ".label");
      if (label.isEmpty()) {
        throw error(at + ".label", "is missing");
      }
      CategoryState state = n.hasNonNull("state")
          ? state(shaped(n.get("state"), at + ".state", false), at + ".state") : CategoryState.ACTIVE;
      boolean exclusive = bool(n, "exclusive_children", at, false);
      String scaleName = text(n, "scale", at, false);
      Scale scale;
      try {
        scale = scaleName.isEmpty() ? Scale.NOMINAL : Scale.valueOf(scaleName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(at + ".scale", "\"" + scaleName + "\" is not nominal, ordinal, interval or ratio");
      }
      return new Category(id, parent, codable, label,
          localized(n.path("definition"), at + ".definition"),
          texts(n.path("indicators"), at + ".indicators"),
          texts(n.path("code_when"), at + ".code_when"),
          texts(n.path("do_not_code_when"), at + ".do_not_code_when"),
          delimitations,
          texts(n.path("examples"), at + ".examples"),
          text(n, "paper_section", at, false),
          notes, form, state, exclusive, scale);
    }

    CategoryState state(JsonNode n, String where) {
      known(n, where, "status", "successors");
      String status = text(n, "status", where, true);
      CategoryState.Status s;
      try {
        s = CategoryState.Status.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(where + ".status", "\"" + status + "\" is not active, retired, merged or split");
      }
      List<UUID> successors = new ArrayList<>();
      JsonNode list = shaped(n.path("successors"), where + ".successors", true);
      for (int i = 0; i < list.size(); i++) {
        try {
          successors.add(UUID.fromString(list.get(i).asText()));
        } catch (IllegalArgumentException e) {
          throw error(where + ".successors[" + i + "]", "is not a UUID");
        }
      }
      try {
        return new CategoryState(s, successors);
      } catch (IllegalArgumentException e) {
        throw error(where, e.getMessage());
      }
    }

    CryingForm cryingForm(JsonNode n, String where) {
      known(n, where, "emotions", "triggers", "quality", "interactive_function", "countertransference", "acceptance");
      String f = text(n, "interactive_function", where, true);
      InteractiveFunction function;
      try {
        function = InteractiveFunction.valueOf(f.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(where + ".interactive_function", "\"" + f + "\" is not strong, moderate or minimal");
      }
      JsonNode acc = shaped(n.path("acceptance"), where + ".acceptance", false);
      known(acc, where + ".acceptance", "level", "text");
      String level = text(acc, "level", where + ".acceptance", true);
      AcceptanceLevel acceptance;
      try {
        acceptance = AcceptanceLevel.valueOf(level.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(where + ".acceptance.level", "\"" + level + "\" is not one of non_acceptance, growing_awareness, acceptance, not_described");
      }
      return new CryingForm(
          texts(n.path("emotions"), where + ".emotions"),
          texts(n.path("triggers"), where + ".triggers"),
          texts(n.path("quality"), where + ".quality"),
          function,
          texts(n.path("countertransference"), where + ".countertransference"),
          new Acceptance(acceptance, localized(acc.path("text"), where + ".acceptance.text")));
    }

    Relation relation(JsonNode n, String where) {
      known(n, where, "id", "kind", "wording", "symmetric", "from", "to", "from_label", "to_label", "paper_section",
          "note");
      String k = text(n, "kind", where, true);
      RelationKind kind = RelationKind.parse(k)
          .orElseThrow(() -> error(where + ".kind", "\"" + k + "\" is not a relation kind"));
      return new Relation(uuid(n, "id", where), kind, uuid(n, "from", where), uuid(n, "to", where),
          text(n, "paper_section", where, false), localized(n.path("note"), where + ".note"));
    }
  }

  // ---- writing ------------------------------------------------------------------------------

  /** The full file form, with derived fields (paths, neighbour labels) that help human readers. */
  public static ObjectNode write(CategorySystem system) {
    ObjectNode root = NODES.objectNode();
    root.put("format", "lacrima-category-system");
    root.put("format_version", FORMAT);
    root.set("system", info(system.info()));
    ArrayNode cats = root.putArray("categories");
    for (Category c : system.categories()) {
      cats.add(category(c, Optional.of(system)));
    }
    ArrayNode rels = root.putArray("relations");
    for (Relation r : system.relations()) {
      rels.add(relation(r, Optional.of(system)));
    }
    return root;
  }

  /** The system's header alone, as stored beside its categories. */
  public static ObjectNode info(SystemInfo info) {
    ObjectNode sys = NODES.objectNode();
    sys.put("id", info.id());
    sys.put("version", info.version());
    sys.set("title", localized(info.title()));
    ObjectNode citation = sys.putObject("citation");
    citation.put("text", info.citation());
    citation.put("osf", info.citationUrl());
    sys.set("notice", localized(info.notice()));
    sys.set("translation_note", localized(info.translationNote()));
    return sys;
  }

  /** One category without derived fields, as a store keeps it. */
  public static ObjectNode category(Category c) {
    return category(c, Optional.empty());
  }

  /** One relation without derived fields, as a store keeps it. */
  public static ObjectNode relation(Relation r) {
    return relation(r, Optional.empty());
  }

  /** Reassembles a system from the parts {@link #info}, {@link #category} and {@link #relation} wrote. */
  public static CategorySystem assemble(String info, List<String> categories, List<String> relations, String source) {
    try {
      ObjectNode root = NODES.objectNode();
      root.set("system", JSON.readTree(info));
      ArrayNode cats = root.putArray("categories");
      for (String c : categories) {
        cats.add(JSON.readTree(c));
      }
      ArrayNode rels = root.putArray("relations");
      for (String r : relations) {
        rels.add(JSON.readTree(r));
      }
      return read(root, source);
    } catch (JsonProcessingException e) {
      throw new CategorySystemException(source, location(e), "is damaged: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode relation(Relation r, Optional<CategorySystem> derived) {
    ObjectNode o = NODES.objectNode();
    o.put("id", r.id().toString());
    o.put("kind", r.kind().code());
    derived.ifPresent(s -> {
      o.put("wording", r.kind().wording());
      o.put("symmetric", r.kind().symmetric());
    });
    o.put("from", r.from().toString());
    o.put("to", r.to().toString());
    derived.ifPresent(s -> {
      o.put("from_label", s.get(r.from()).label().english());
      o.put("to_label", s.get(r.to()).label().english());
    });
    o.put("paper_section", r.paperSection());
    o.set("note", localized(r.note()));
    return o;
  }

  private static ObjectNode category(Category c, Optional<CategorySystem> derived) {
    ObjectNode o = NODES.objectNode();
    o.put("id", c.id().toString());
    c.parent().ifPresent(p -> o.put("parent", p.toString()));
    derived.ifPresent(s -> o.put("path", s.path(c.id())));
    o.put("codable", c.codable());
    if (!c.state().isActive()) {
      ObjectNode st = o.putObject("state");
      st.put("status", c.state().status().code());
      ArrayNode successors = st.putArray("successors");
      c.state().successors().forEach(u -> successors.add(u.toString()));
    }
    if (c.exclusiveChildren()) {
      o.put("exclusive_children", true);
    }
    if (c.scale() != Scale.NOMINAL) {
      o.put("scale", c.scale().name().toLowerCase(Locale.ROOT));
    }
    o.set("label", localized(c.label()));
    o.set("definition", localized(c.definition()));
    o.set("indicators", texts(c.indicators()));
    o.set("code_when", texts(c.codeWhen()));
    o.set("do_not_code_when", texts(c.doNotCodeWhen()));
    ArrayNode ds = o.putArray("delimitations");
    for (Delimitation d : c.delimitations()) {
      ObjectNode dn = ds.addObject();
      dn.put("neighbour", d.neighbour().toString());
      derived.ifPresent(s -> dn.put("neighbour_label", s.get(d.neighbour()).label().english()));
      dn.set("text", localized(d.text()));
    }
    o.set("examples", texts(c.examples()));
    o.put("paper_section", c.paperSection());
    if (!c.orientationNotes().isEmpty()) {
      ObjectNode notes = o.putObject("orientation_notes");
      new EnumMap<>(c.orientationNotes()).forEach((k, v) -> notes.set(k.code(), localized(v)));
    }
    c.cryingForm().ifPresent(f -> {
      ObjectNode fn = o.putObject("crying_form");
      fn.set("emotions", texts(f.emotions()));
      fn.set("triggers", texts(f.triggers()));
      fn.set("quality", texts(f.quality()));
      fn.put("interactive_function", f.interactiveFunction().code());
      fn.set("countertransference", texts(f.countertransference()));
      ObjectNode acc = fn.putObject("acceptance");
      acc.put("level", f.acceptance().level().code());
      acc.set("text", localized(f.acceptance().text()));
    });
    return o;
  }

  private static ObjectNode localized(LocalizedText t) {
    ObjectNode o = NODES.objectNode();
    t.values().forEach(o::put);
    return o;
  }

  private static ArrayNode texts(List<LocalizedText> list) {
    ArrayNode a = NODES.arrayNode();
    list.forEach(t -> a.add(localized(t)));
    return a;
  }
}
