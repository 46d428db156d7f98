package org.lacrima.core.codebook;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lacrima.core.InputException;
import org.lacrima.core.coding.Coding;

/**
 * One rule of a split: {@code CONDITION -> NAME}. The first rule whose condition holds places a
 * coding in the part called NAME. Conditions: {@code coder=NAME}, {@code document=NAME} (with
 * {@code *} as a wildcard), {@code var.NAME=VALUE} (a document variable), {@code text~REGEX} (the
 * coded text contains a match), {@code ids=FILE.csv} (the coding ids listed in a file). The grammar
 * is documented in docs/SPLIT-RULES.md.
 */
public record SplitRule(String text, Condition condition, String part) {

  /** What a condition can look at for one coding. */
  public record Candidate(Coding coding, String coder, String document, Map<String, String> variables,
      Supplier<String> codedText) {
  }

  /** A condition on a coding. */
  public sealed interface Condition {
    boolean holds(Candidate c);
  }

  record Coder(String name) implements Condition {
    @Override
    public boolean holds(Candidate c) {
      return c.coder().equals(name);
    }
  }

  record Document(Pattern name) implements Condition {
    @Override
    public boolean holds(Candidate c) {
      return name.matcher(c.document()).matches();
    }
  }

  record Variable(String name, String value) implements Condition {
    @Override
    public boolean holds(Candidate c) {
      return value.equals(c.variables().getOrDefault(name, ""));
    }
  }

  record Text(Pattern pattern) implements Condition {
    @Override
    public boolean holds(Candidate c) {
      return pattern.matcher(c.codedText().get()).find();
    }
  }

  record Ids(Set<UUID> ids) implements Condition {
    @Override
    public boolean holds(Candidate c) {
      return ids.contains(c.coding().id());
    }
  }

  public boolean holds(Candidate c) {
    return condition.holds(c);
  }

  /**
   * Reads a rule. {@code idFiles} reads the coding ids of an {@code ids=FILE} condition.
   *
   * @throws InputException naming the rule and what is wrong with it
   */
  public static SplitRule parse(String rule, Function<String, Set<UUID>> idFiles) {
    return parse(rule, idFiles, List.of());
  }

  /**
   * Reads a rule of a split into {@code parts}: where the rule ends in an arrow and one of them, that is its part,
   * so that a part named "Before->After", or a pattern holding an arrow, reads as meant. Otherwise the last arrow
   * ends the condition.
   */
  public static SplitRule parse(String rule, Function<String, Set<UUID>> idFiles, List<String> parts) {
    String r = rule.strip();
    String nfcRule = nfc(r);
    // the longest part first: of "B" and "A->B", a rule ending in "-> A->B" places in "A->B"
    List<String> longestFirst = parts.stream().map(SplitRule::nfc)
        .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    for (String part : longestFirst) {
      if (!part.isEmpty() && nfcRule.endsWith(part)) {
        String head = nfcRule.substring(0, nfcRule.length() - part.length()).stripTrailing();
        for (String arrow : List.of("->", "→")) {
          if (head.endsWith(arrow) && !head.substring(0, head.length() - arrow.length()).isBlank()) {
            return new SplitRule(r, condition(rule, head.substring(0, head.length() - arrow.length()).strip(), idFiles),
                part);
          }
        }
      }
    }
    int arrow = r.lastIndexOf("->");
    int width = 2;
    if (arrow < 0) {
      arrow = r.lastIndexOf('→');
      width = 1;
    }
    if (arrow < 0) {
      throw refused(rule, "has no \"->\"; write CONDITION -> NAME");
    }
    String condition = r.substring(0, arrow).strip();
    String part = nfc(r.substring(arrow + width).strip());
    if (part.isEmpty()) {
      throw refused(rule, "names no part after \"->\"");
    }
    return new SplitRule(r, condition(rule, condition, idFiles), part);
  }

  private static Condition condition(String rule, String c, Function<String, Set<UUID>> idFiles) {
    int tilde = c.indexOf('~');
    int eq = c.indexOf('=');
    if (tilde > 0 && (eq < 0 || tilde < eq)) {
      String key = c.substring(0, tilde).strip();
      String regex = nfc(c.substring(tilde + 1).strip());
      if (!key.equals("text")) {
        throw refused(rule, "only text can be matched with ~ (text~REGEX)");
      }
      if (regex.isEmpty()) {
        // an empty pattern matches every coding: as "coder=" with nothing, a slip rather than a rule
        throw refused(rule, "has no pattern after text~");
      }
      try {
        // (?i) ignores the case of every letter, not only of ASCII ones: transcripts are German, too
        return new Text(Pattern.compile(regex, Pattern.UNICODE_CASE));
      } catch (PatternSyntaxException e) {
        throw refused(rule, "has a broken regular expression: " + e.getDescription());
      }
    }
    if (eq <= 0) {
      throw refused(rule, "has no condition; use coder=…, document=…, var.NAME=…, text~… or ids=FILE.csv");
    }
    String key = c.substring(0, eq).strip();
    String raw = c.substring(eq + 1).strip();
    // a file name is the file system's business; the rest is compared with NFC texts, names and values
    String value = key.equals("ids") ? raw : nfc(raw);
    if (value.isEmpty()) {
      throw refused(rule, "compares " + key + " with nothing");
    }
    if (key.equals("coder")) {
      return new Coder(value);
    }
    if (key.equals("document")) {
      StringBuilder regex = new StringBuilder();
      for (String piece : value.split("\\*", -1)) {
        if (!regex.isEmpty()) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(piece));
      }
      return new Document(Pattern.compile(regex.toString()));
    }
    if (key.startsWith("var.") && key.length() > 4) {
      return new Variable(key.substring(4).toLowerCase(java.util.Locale.ROOT), value);
    }
    if (key.equals("ids")) {
      return new Ids(Set.copyOf(idFiles.apply(value)));
    }
    throw refused(rule, "has an unknown condition \"" + key + "\"; use coder, document, var.NAME, text or ids");
  }

  /** As the texts, names and values a rule is compared with are stored: a rule typed with a separate accent matches. */
  private static String nfc(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
  }

  private static InputException refused(String rule, String problem) {
    return new InputException("--rule \"" + rule + "\" " + problem);
  }
}
