package org.lacrima.io.codebook;

/** The fixed wording of a codebook document (headings and field names), in English and German. */
enum CodebookTerm {
  TITLE("Title", "Titel"),
  SYSTEM("System", "System"),
  VERSION("Version", "Version"),
  SOURCE("Source", "Quelle"),
  // %d places, %s the release compared with
  CHANGED_BY_TEAM("a project's version of this system: it differs from release %s in %d place(s) (codebook diff); "
      + "what a team added or changed is that team's wording", "die Fassung eines Projekts: sie weicht an %2$d Stelle(n) "
      + "von Version %1$s ab (codebook diff); was ein Team ergänzt oder geändert hat, ist dessen Formulierung"),
  // %s the project's name for its version: a tag, "base", "upstream", "current"
  PROJECT_VERSION("the project's version \"%s\"", "die Fassung „%s“ des Projekts"),
  LANGUAGE("Language", "Sprache"),
  CITATION("Citation", "Zitation"),
  CITATION_LINK("Link", "Link"),
  NOTICE("Notice", "Hinweis"),
  TRANSLATION_NOTE("Translation", "Übersetzung"),
  OVERVIEW("Overview", "Übersicht"),
  CATEGORIES("Categories", "Kategorien"),
  RELATIONS("Relations", "Beziehungen"),
  PATH("Path", "Pfad"),
  ID("ID", "ID"),
  TYPE("Type", "Art"),
  CODABLE("codable category", "kodierbare Kategorie"),
  GROUPING("grouping node (not codable)", "Gruppierungsknoten (nicht kodierbar)"),
  GROUPING_MARK("grouping node", "Gruppierungsknoten"),
  STATE("Status", "Status"),
  RETIRED("retired", "stillgelegt"),
  RETIRED_NOTE("takes no new codings; its codings stay and count in analysis",
      "nimmt keine neuen Kodierungen an; ihre Kodierungen bleiben und zählen in der Auswertung"),
  MERGED_INTO("merged into", "aufgegangen in"),
  MERGED_NOTE("takes no new codings; its codings were moved there", "nimmt keine neuen Kodierungen an; ihre "
      + "Kodierungen wurden dorthin verschoben"),
  SPLIT_INTO("split into", "aufgeteilt in"),
  SPLIT_NOTE("takes no new codings; codings not yet placed in a part wait here for review",
      "nimmt keine neuen Kodierungen an; noch keinem Teil zugeordnete Kodierungen warten hier auf Durchsicht"),
  SUBCATEGORIES("Subcategories", "Unterkategorien"),
  EXCLUSIVE_CHILDREN("mutually exclusive: a span is coded with at most one of them",
      "schließen einander aus: eine Textstelle wird mit höchstens einer von ihnen kodiert"),
  EXCLUSIVE_MARK("subcategories mutually exclusive", "Unterkategorien schließen einander aus"),
  SCALE("Scale", "Skala"),
  SCALE_ORDINAL("ordinal, the subcategories in this order:", "ordinal, die Unterkategorien in dieser Reihenfolge:"),
  SCALE_INTERVAL("interval: the subcategories are numbers whose differences count",
      "Intervallskala: die Unterkategorien sind Zahlen, deren Abstände zählen"),
  SCALE_RATIO("ratio: the subcategories are numbers from a true zero",
      "Verhältnisskala: die Unterkategorien sind Zahlen ab einem echten Nullpunkt"),
  EXCLUSIVE_GROUP("Exclusive group", "Ausschließende Gruppe"),
  EXCLUSIVE_GROUP_NOTE("one of the mutually exclusive subcategories of",
      "eine der einander ausschließenden Unterkategorien von"),
  LABEL("Label", "Bezeichnung"),
  DEFINITION("Definition", "Definition"),
  INDICATORS("Indicators", "Indikatoren"),
  CODE_WHEN("Code when", "Kodieren, wenn…"),
  DO_NOT_CODE_WHEN("Do not code when", "Nicht kodieren, wenn…"),
  DELIMITATIONS("Delimitation", "Abgrenzung"),
  EXAMPLES("Examples", "Beispiele"),
  PAPER_SECTION("Rests on", "Grundlage im Artikel"),
  ORIENTATION_NOTES("Notes by orientation", "Hinweise nach Verfahren"),
  EMOTIONS("Emotions", "Emotionen"),
  TRIGGERS("Triggers", "Auslöser"),
  QUALITY("Quality", "Qualität"),
  INTERACTIVE_FUNCTION("Interactive function", "Interaktionelle Funktion"),
  COUNTERTRANSFERENCE("Countertransference", "Gegenübertragung"),
  ACCEPTANCE("Acceptance", "Akzeptanz"),
  KIND("Kind", "Beziehungsart"),
  FROM("From", "Von"),
  TO("To", "Zu"),
  DIRECTED("Directed", "Gerichtet"),
  NOTE("Note", "Anmerkung"),
  YES("yes", "ja"),
  NO("no", "nein"),
  NONE("none", "keine"),
  MISSING("—", "—"),
  // after a text shown in the other language, where the chosen one has none
  ONLY_IN_OTHER_LANGUAGE("[German only]", "[nur Englisch]");

  private final String english;
  private final String german;

  CodebookTerm(String english, String german) {
    this.english = english;
    this.german = german;
  }

  String in(CodebookLanguage language) {
    return language == CodebookLanguage.GERMAN ? german : english;
  }
}
