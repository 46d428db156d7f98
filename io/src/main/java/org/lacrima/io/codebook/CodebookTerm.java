package org.lacrima.io.codebook;

/** The fixed wording of a codebook document (headings and field names), in English and German. */
enum CodebookTerm {
  TITLE("Title", "Titel"),
  SYSTEM("System", "System"),
  VERSION("Version", "Version"),
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
  MISSING("—", "—");

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
