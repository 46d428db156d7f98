package org.lacrima.core.text;

import java.text.Normalizer;

/**
 * The form in which names (of documents, coders, categories) are stored and looked up: without
 * leading or trailing white space, in NFC. A name typed on a Mac, taken from a file name or read
 * from a CSV file may come decomposed ("Ju" + U+0308 + "rgen") or with a stray trailing space; they
 * still mean the same name, and a lookup that compared them as written would say it does not exist,
 * or make a second coder of the same person.
 */
public final class Names {

  private Names() {
  }

  public static String normalize(String name) {
    String stripped = name.strip();
    return Normalizer.isNormalized(stripped, Normalizer.Form.NFC) ? stripped
        : Normalizer.normalize(stripped, Normalizer.Form.NFC);
  }
}
