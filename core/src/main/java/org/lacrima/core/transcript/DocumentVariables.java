package org.lacrima.core.transcript;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.Orientation;
import org.lacrima.core.text.Names;

/**
 * The rules for document variables. Names are lower case. The variables the design names are
 * checked and normalized: orientation (PDT, CBT, ST or other; German and long spellings are read),
 * experience_years (a number of years), date (ISO: 2024-03-15, 2024-03 or 2024). Any other variable
 * is kept as written.
 */
public final class DocumentVariables {

  public static final String ORIENTATION = "orientation";
  public static final String EXPERIENCE_YEARS = "experience_years";
  public static final String INTERVIEWER = "interviewer";
  public static final String DATE = "date";

  private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d+)?");

  private DocumentVariables() {
  }

  /** Checks and normalizes variables; {@code source} and {@code place} name them in errors. */
  public static Map<String, String> normalize(Map<String, String> raw, String source, String place) {
    Map<String, String> out = new LinkedHashMap<>();
    checkNames(raw.keySet(), source, place, "");
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String name = normalizeName(e.getKey());
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (Names.saysNothing(value)) {
        // a cell of a no-break or zero-width space looks empty in every spreadsheet, and is skipped as empty ones are
        continue;
      }
      // a value is shown on one line beside its document, where a control or a line break would act or forge a line
      Names.invisibleProblem("the value of " + name, value).ifPresent(problem -> {
        throw new InputException(source, place, problem);
      });
      out.put(name, normalizeValue(name, value, source, place));
    }
    return out;
  }

  /** Checks the variables' names of a file's header, its columns; {@code source} and {@code place} name them. */
  public static void checkColumnNames(java.util.Collection<String> names, String source, String place) {
    checkNames(names, source, place, "the columns ");
  }

  /** Checks variables' names as written; {@code pair} names a pair of them that name one variable. */
  private static void checkNames(java.util.Collection<String> names, String source, String place, String pair) {
    Map<String, String> spelledAs = new HashMap<>();
    for (String written : names) {
      String name = normalizeName(written);
      if (name.isEmpty()) {
        throw new InputException(source, place, "a variable has no name");
      }
      // "Experience Years" and "experience_years" are one variable: keeping either value silently
      // would lose the other
      String earlier = spelledAs.putIfAbsent(name, written);
      if (earlier != null) {
        throw new InputException(source, place, pair + "\"" + Names.shown(earlier) + "\" and \"" + Names.shown(written)
            + "\" both name the variable " + Names.shown(name) + "; keep one of them");
      }
      if (!name.matches("[\\p{L}_][\\p{L}\\p{N}_.-]*")) {
        throw new InputException(source, place, "\"" + Names.shown(written)
            + "\" is not a usable variable name (letters, digits, _ . -; starting with a letter)");
      }
    }
  }

  public static String normalizeName(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
  }

  /**
   * A value as an import stores it ("2,5" years as 2.5), for comparing a filter with the stored values; a value
   * the import would refuse is returned as given, to be reported as matching no document.
   */
  public static String asStored(String name, String value) {
    try {
      return normalizeValue(normalizeName(name), value.strip(), "", "");
    } catch (InputException e) {
      return value.strip();
    }
  }

  private static String normalizeValue(String name, String value, String source, String place) {
    switch (name) {
      case ORIENTATION -> {
        return Orientation.parse(value).map(Orientation::code).orElseThrow(() -> new InputException(source, place,
            "orientation \"" + value + "\" is not one of PDT, CBT, ST, other"));
      }
      case EXPERIENCE_YEARS -> {
        // a plain decimal only: Double.parseDouble also takes "10d", "1e1" and "0x10p0"
        String years = value.replace(',', '.');
        if (!PLAIN_DECIMAL.matcher(years).matches() || Double.parseDouble(years) > 80) {
          throw new InputException(source, place, "experience_years \"" + value + "\" is not a number of years");
        }
        return years;
      }
      case DATE -> {
        if (!isIsoDate(value)) {
          throw new InputException(source, place, "date \"" + value
              + "\" is not an ISO date (2024-03-15, 2024-03 or 2024)");
        }
        return value;
      }
      default -> {
        return value;
      }
    }
  }

  private static boolean isIsoDate(String v) {
    try {
      if (v.matches("\\d{4}")) {
        return true;
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth.parse(v);
        return true;
      }
      LocalDate.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
