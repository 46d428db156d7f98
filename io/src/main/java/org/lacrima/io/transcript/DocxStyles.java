package org.lacrima.io.transcript;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.XmlCursor;

/**
 * Which styles of a DOCX hide their text (w:vanish in a style's run properties), so that text hidden through a
 * paragraph or character style is left out as text hidden directly is. POI resolves no style inheritance for this.
 *
 * <p>w:vanish is a toggle property (ECMA-376 Part 1, 17.7.3): in a style it switches the state inherited so far
 * (along w:basedOn, and from the paragraph's style into the run's), while set directly on a run it says the state
 * outright.
 */
final class DocxStyles {

  static final DocxStyles NONE = new DocxStyles(Set.of(), Map.of(), Optional.empty(), Optional.empty());

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private final Set<String> vanishing;
  private final Map<String, String> basedOn;
  private final Optional<String> defaultParagraph;
  private final Optional<String> defaultCharacter;

  private DocxStyles(Set<String> vanishing, Map<String, String> basedOn, Optional<String> defaultParagraph,
      Optional<String> defaultCharacter) {
    this.vanishing = vanishing;
    this.basedOn = basedOn;
    this.defaultParagraph = defaultParagraph;
    this.defaultCharacter = defaultCharacter;
  }

  /** The styles of a w:styles element. */
  static DocxStyles of(XmlCursor styles) {
    Set<String> vanishing = new HashSet<>();
    Map<String, String> basedOn = new HashMap<>();
    Optional<String> defaultParagraph = Optional.empty();
    Optional<String> defaultCharacter = Optional.empty();
    try (XmlCursor c = styles.newCursor()) {
      if (!c.toFirstChild()) {
        return NONE;
      }
      do {
        if (!isW(c, "style")) {
          continue;
        }
        String id = attribute(c, "styleId");
        String type = attribute(c, "type");
        boolean isDefault = isTrue(attribute(c, "default"));
        if (isDefault && type.equals("paragraph") && defaultParagraph.isEmpty()) {
          defaultParagraph = Optional.of(id);
        }
        if (isDefault && type.equals("character") && defaultCharacter.isEmpty()) {
          defaultCharacter = Optional.of(id);
        }
        value(c, "basedOn").ifPresent(b -> basedOn.put(id, b));
        if (vanishes(c)) {
          vanishing.add(id);
        }
      } while (c.toNextSibling());
    }
    return new DocxStyles(vanishing, basedOn, defaultParagraph, defaultCharacter);
  }

  /** Whether a paragraph of this style ({@code styleId}, or the default one where it names none) hides its runs. */
  boolean paragraphHides(Optional<String> styleId) {
    return toggled(styleId.or(() -> defaultParagraph));
  }

  /** Whether a run of this character style (or the default one) toggles hiding once more. */
  boolean characterToggles(Optional<String> styleId) {
    return toggled(styleId.or(() -> defaultCharacter));
  }

  private boolean toggled(Optional<String> styleId) {
    boolean hidden = false;
    Set<String> seen = new HashSet<>();
    // a style based on itself, directly or around a loop, is walked once
    for (String id = styleId.orElse(null); id != null && seen.add(id); id = basedOn.get(id)) {
      hidden ^= vanishing.contains(id);
    }
    return hidden;
  }

  /** The w:val of the child element {@code element} of the element at the cursor, if it has one. */
  static Optional<String> value(XmlCursor cursor, String element) {
    try (XmlCursor c = cursor.newCursor()) {
      if (!c.toFirstChild()) {
        return Optional.empty();
      }
      do {
        if (isW(c, element)) {
          return Optional.of(attribute(c, "val"));
        }
      } while (c.toNextSibling());
      return Optional.empty();
    }
  }

  private static boolean vanishes(XmlCursor style) {
    try (XmlCursor c = style.newCursor()) {
      if (!c.toFirstChild()) {
        return false;
      }
      do {
        if (isW(c, "rPr")) {
          return value(c, "vanish").map(DocxStyles::switchedOn).orElse(false);
        }
      } while (c.toNextSibling());
      return false;
    }
  }

  /** A toggle's w:val: without one (empty) it is on, and "false", "0" or "off" switch it off. */
  static boolean switchedOn(String val) {
    return !val.equals("false") && !val.equals("0") && !val.equals("off");
  }

  /** An attribute such as w:default, which is off unless given as on. */
  private static boolean isTrue(String value) {
    return value.equals("1") || value.equals("true") || value.equals("on");
  }

  private static boolean isW(XmlCursor c, String local) {
    QName name = c.getName();
    return name != null && W.equals(name.getNamespaceURI()) && name.getLocalPart().equals(local);
  }

  private static String attribute(XmlCursor cursor, String name) {
    String v = cursor.getAttributeText(new QName(W, name));
    return v == null ? "" : v;
  }
}
