package org.lacrima.cli;

import org.lacrima.core.agreement.study.AgreementRequest;
import picocli.CommandLine.Option;

/** How the figures of a study are computed: the bootstrap, and MAXQDA's overlap. Only agreement computes them. */
final class FigureOptions {

  static final FigureOptions DEFAULTS = new FigureOptions(90);

  @Option(names = "--overlap", defaultValue = "90", paramLabel = "PERCENT",
      description = "For --unit maxqda: the overlap of two segments, in whole percent of their union, that makes them "
          + "agree (default: ${DEFAULT-VALUE}).")
  int overlap;

  @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "N",
      description = "Bootstrap replicates (0: none; default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--resample", defaultValue = "unit", paramLabel = "unit|document",
      description = "What the bootstrap resamples: units or whole documents (default: ${DEFAULT-VALUE}).")
  String resample;

  @Option(names = "--seed", defaultValue = "20260101", paramLabel = "N",
      description = "The bootstrap's seed (default: ${DEFAULT-VALUE}); the same seed gives the same intervals.")
  long seed;

  FigureOptions() {
  }

  FigureOptions(int overlap) {
    this.overlap = overlap;
    this.bootstrap = AgreementRequest.DEFAULT_REPLICATES;
    this.resample = "unit";
    this.seed = AgreementRequest.DEFAULT_SEED;
  }

  boolean resampleDocuments() {
    if (!resample.equals("unit") && !resample.equals("document")) {
      throw new org.lacrima.core.InputException("--resample " + resample + ": say unit or document");
    }
    return resample.equals("document");
  }
}
