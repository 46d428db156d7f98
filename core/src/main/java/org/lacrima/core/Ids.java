package org.lacrima.core;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * New ids for things a project creates (documents, units, coders, codings, memos, log entries):
 * UUIDs of version 7, whose leading bits are the creation time. They are as unique as random UUIDs,
 * and because they grow with time, a million codings arriving at once append to the id index
 * instead of scattering writes across it.
 */
public final class Ids {

  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private Ids() {
  }

  public static UUID next() {
    return GENERATOR.generate();
  }
}
