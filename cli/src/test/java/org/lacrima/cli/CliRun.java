package org.lacrima.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the lacrima command in-process and keeps what it printed. */
record CliRun(int status, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Lacrima.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(status, out.toString(), err.toString());
  }

  /** Runs and insists on success, showing what went wrong otherwise. */
  static CliRun ok(String... args) {
    CliRun r = of(args);
    if (r.status != 0) {
      throw new AssertionError("lacrima " + String.join(" ", args) + " failed with " + r.status + ":\n" + r.err + r.out);
    }
    return r;
  }
}
