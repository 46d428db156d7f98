package org.lacrima.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@code coding_X.tsv} of gen_coding_data.py (or {@link CodingDataGenerator}): one line per unit,
 * {@code doc TAB unit TAB codes of coder 0 TAB codes of coder 1 …}, codes comma-separated category ids
 * 0..24 or {@code -} for none; {@code #} starts a comment line.
 *
 * <p>It parses bytes, not strings: the file is ASCII, and decoding 300,000 lines into Strings and splitting
 * them would cost more than the agreement figures do. A unit's codes reach the visitor as one bit mask per
 * coder (25 categories fit an int). Uses nothing of Lacrima, so the DKPro process reads the files the same
 * way.
 */
final class CodingFile {

  /** The most categories a mask can carry. */
  static final int MAX_CATEGORIES = 31;

  /** Receives the units in file order; {@code masks} is reused between calls. */
  interface Visitor {
    void unit(int document, int[] masks);
  }

  private CodingFile() {
  }

  /** How many coders the file has, from its first data line. */
  static int coders(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      String first = lines.filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst()
          .orElseThrow(() -> new IOException(file + " holds no unit"));
      return first.split("\t", -1).length - 2;
    }
  }

  /** How many categories the data use: {@code categories=N} of the header line, else 25 (the format's). */
  static int categories(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      String header = lines.findFirst().orElse("");
      if (header.startsWith("#")) {
        for (String word : header.split("\\s+")) {
          if (word.startsWith("categories=")) {
            return Integer.parseInt(word.substring("categories=".length()));
          }
        }
      }
      return 25;
    }
  }

  /** Reads every unit; returns how many there were. */
  static int read(Path file, int coders, Visitor visitor) throws IOException {
    int[] masks = new int[coders];
    byte[] buffer = new byte[1 << 20];
    int units = 0;
    int line = 1;
    try (InputStream in = Files.newInputStream(file)) {
      int filled = 0;
      while (true) {
        int n = in.read(buffer, filled, buffer.length - filled);
        boolean end = n < 0;
        if (!end) {
          filled += n;
        }
        int start = 0;
        int lastNewline = -1;
        for (int i = filled - 1; i >= 0; i--) {
          if (buffer[i] == '\n') {
            lastNewline = i;
            break;
          }
        }
        int upTo = end ? filled : lastNewline + 1;
        while (start < upTo) {
          int eol = start;
          while (eol < upTo && buffer[eol] != '\n') {
            eol++;
          }
          if (eol > start && buffer[start] != '#') {
            int document = parseLine(buffer, start, eol, masks, file, line);
            visitor.unit(document, masks);
            units++;
          }
          line++;
          start = eol + 1;
        }
        if (end) {
          return units;
        }
        // keep the unfinished line for the next read; a longer line than the buffer is no unit of this format
        int rest = filled - upTo;
        if (rest == buffer.length) {
          throw new IOException(file + " line " + line + ": longer than " + buffer.length + " bytes");
        }
        System.arraycopy(buffer, upTo, buffer, 0, rest);
        filled = rest;
      }
    }
  }

  private static int parseLine(byte[] b, int from, int to, int[] masks, Path file, int line) throws IOException {
    int i = from;
    int document = 0;
    int digits = 0;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      document = document * 10 + (b[i++] - '0');
      digits++;
    }
    if (digits == 0 || i >= to || b[i] != '\t') {
      throw bad(file, line, "a document number and a tab");
    }
    i++;
    while (i < to && b[i] != '\t') {
      i++;
    }
    for (int k = 0; k < masks.length; k++) {
      if (i >= to || b[i] != '\t') {
        throw bad(file, line, masks.length + " coder fields");
      }
      i++;
      int mask = 0;
      if (i < to && b[i] == '-') {
        i++;
      } else {
        while (true) {
          int code = 0;
          int d = 0;
          while (i < to && b[i] >= '0' && b[i] <= '9') {
            code = code * 10 + (b[i++] - '0');
            d++;
          }
          if (d == 0 || code >= MAX_CATEGORIES) {
            throw bad(file, line, "category ids 0.." + (MAX_CATEGORIES - 1) + " or '-'");
          }
          mask |= 1 << code;
          if (i < to && b[i] == ',') {
            i++;
          } else {
            break;
          }
        }
      }
      masks[k] = mask;
    }
    if (i < to && b[i] == '\r') {
      i++;
    }
    if (i != to) {
      throw bad(file, line, "no more than " + masks.length + " coder fields");
    }
    return document;
  }

  private static IOException bad(Path file, int line, String expected) {
    return new IOException(file + " line " + line + ": expected " + expected);
  }
}
