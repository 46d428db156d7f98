package org.lacrima.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The contents of a {@code spans_X.tsv}: {@code D doc length} lines, each followed by that document's
 * {@code S doc coder start length category} lines (start 0-based within the document). Held as parallel int
 * arrays, parsed from bytes like {@link CodingFile}; uses nothing of Lacrima.
 */
record SpanFile(int coders, int[] documentLength, int[] document, int[] coder, int[] start, int[] length,
    int[] category) {

  int spans() {
    return document.length;
  }

  int documents() {
    return documentLength.length;
  }

  /** The sum of the document lengths: the corpus-wide continuum. */
  long totalLength() {
    long sum = 0;
    for (int l : documentLength) {
      sum += l;
    }
    return sum;
  }

  static SpanFile read(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    Ints lengths = new Ints();
    Ints doc = new Ints();
    Ints coder = new Ints();
    Ints start = new Ints();
    Ints length = new Ints();
    Ints category = new Ints();
    int[] f = new int[5];
    int maxCoder = 0;
    int line = 1;
    int i = 0;
    while (i < b.length) {
      int eol = i;
      while (eol < b.length && b[eol] != '\n') {
        eol++;
      }
      if (eol > i && b[i] == '#') {
        // the header names the coders, some of whom may have marked no span
        String comment = new String(b, i, eol - i, java.nio.charset.StandardCharsets.US_ASCII);
        for (String word : comment.split("\\s+")) {
          if (word.startsWith("coders=")) {
            maxCoder = Math.max(maxCoder, Integer.parseInt(word.substring("coders=".length())) - 1);
          }
        }
      } else if (eol > i) {
        int fields = b[i] == 'D' ? 2 : b[i] == 'S' ? 5 : -1;
        if (fields < 0 || i + 1 >= eol || b[i + 1] != '\t') {
          throw new IOException(file + " line " + line + ": expected a D or S line");
        }
        int p = i + 2;
        for (int k = 0; k < fields; k++) {
          int v = 0;
          int d = 0;
          while (p < eol && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p++] - '0');
            d++;
          }
          if (d == 0 || (k < fields - 1 ? p >= eol || b[p] != '\t' : p < eol && b[p] != '\r')) {
            throw new IOException(file + " line " + line + ": expected " + fields + " numbers separated by tabs");
          }
          p++;
          f[k] = v;
        }
        if (fields == 2) {
          if (f[0] != lengths.size) {
            throw new IOException(file + " line " + line + ": document " + f[0] + " out of order");
          }
          lengths.add(f[1]);
        } else {
          if (f[0] != lengths.size - 1) {
            throw new IOException(file + " line " + line + ": a span of document " + f[0] + " outside its D block");
          }
          doc.add(f[0]);
          coder.add(f[1]);
          start.add(f[2]);
          length.add(f[3]);
          category.add(f[4]);
          maxCoder = Math.max(maxCoder, f[1]);
        }
      }
      line++;
      i = eol + 1;
    }
    return new SpanFile(maxCoder + 1, lengths.array(), doc.array(), coder.array(), start.array(), length.array(),
        category.array());
  }

  /** A growable int array; boxing a million spans would be most of the reading time. */
  private static final class Ints {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] array() {
      return Arrays.copyOf(values, size);
    }
  }
}
