package org.lacrima.core.codebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A text in one or more languages, keyed by ISO 639-1 code ("en", "de"). English is the language of
 * the built-in system; other languages may be added to any field.
 */
public record LocalizedText(Map<String, String> values) {

  public static final String ENGLISH = "en";
  public static final String GERMAN = "de";

  public LocalizedText {
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((lang, text) -> {
      if (text != null && !text.isBlank()) {
        copy.put(lang, text.strip());
      }
    });
    values = Collections.unmodifiableMap(copy);
  }

  public static LocalizedText of(String english) {
    return new LocalizedText(Map.of(ENGLISH, english));
  }

  public static LocalizedText of(String english, String german) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(ENGLISH, english);
    m.put(GERMAN, german);
    return new LocalizedText(m);
  }

  public static LocalizedText empty() {
    return new LocalizedText(Map.of());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The text in a language, if given in exactly that language. */
  public Optional<String> exactly(String language) {
    return Optional.ofNullable(values.get(language));
  }

  /** The text in a language, else in English, else in any language given; "" when empty. */
  public String in(String language) {
    String t = values.get(language);
    if (t == null) {
      t = values.get(ENGLISH);
    }
    if (t == null && !values.isEmpty()) {
      t = values.values().iterator().next();
    }
    return t == null ? "" : t;
  }

  public String english() {
    return in(ENGLISH);
  }

  public LocalizedText with(String language, String text) {
    Map<String, String> m = new LinkedHashMap<>(values);
    m.put(language, text);
    return new LocalizedText(m);
  }
}
