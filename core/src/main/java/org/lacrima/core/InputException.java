package org.lacrima.core;

/**
 * Input that Lacrima refuses: a file, a command-line value or a row that cannot be taken as it is.
 * The message names the source and the place (line, offset or element) so that the user can mend
 * it; nothing stored has been changed when this is thrown.
 */
public class InputException extends RuntimeException {

  private final String source;
  private final String place;

  public InputException(String source, String place, String problem) {
    super(format(source, place, problem));
    this.source = source;
    this.place = place;
  }

  public InputException(String source, String place, String problem, Throwable cause) {
    super(format(source, place, problem), cause);
    this.source = source;
    this.place = place;
  }

  /** An input problem without a file, such as a command-line value. */
  public InputException(String problem) {
    super(problem);
    this.source = "";
    this.place = "";
  }

  public String source() {
    return source;
  }

  public String place() {
    return place;
  }

  private static String format(String source, String place, String problem) {
    StringBuilder s = new StringBuilder();
    if (!source.isEmpty()) {
      s.append(source);
    }
    if (!place.isEmpty()) {
      s.append(s.isEmpty() ? "" : ", ").append(place);
    }
    return s.isEmpty() ? problem : s + ": " + problem;
  }
}
