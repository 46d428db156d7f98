package org.lacrima.bench;

import static org.lacrima.bench.CommandLines.concat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The foundation benchmark: on a generated study of 1,000 interviews of about 10,000 words and a
 * million codings by three coders, the whole-process time and peak heap of {@code lacrima import},
 * {@code lacrima codings import} and {@code lacrima stats}, on SQLite and on PostgreSQL.
 *
 * <p>Run it with {@code bench/run foundation}; it prints a Markdown section for docs/BENCHMARKS.md.
 */
public final class FoundationBenchmark {

  private static final Map<String, Double> TARGET_SECONDS = Map.of("import", 20.0, "codings import", 20.0, "stats", 2.0);

  private FoundationBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = CommandLines.options(args);
    String classPath = options.getOrDefault("classpath", System.getProperty("java.class.path"));
    Path data = Path.of(options.getOrDefault("data", "bench/data")).toAbsolutePath();
    String postgres = options.getOrDefault("postgresql", System.getenv().getOrDefault("LACRIMA_TEST_PG_URL", ""));
    ScaleStudy.Parameters p = new ScaleStudy.Parameters(
        Integer.parseInt(options.getOrDefault("documents", "1000")),
        Integer.parseInt(options.getOrDefault("words", "10000")),
        60,
        Integer.parseInt(options.getOrDefault("coders", "3")),
        Integer.parseInt(options.getOrDefault("codings", "1000000")),
        Long.parseLong(options.getOrDefault("seed", "42")));
    Files.createDirectories(data);
    System.err.println("Generating (or reusing) " + p.folderName() + " in " + data + " …");
    ScaleStudy.Generated study = new ScaleStudy(p).generate(data);

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path work = Files.createTempDirectory(data, "run-");
    MeasuredProcess runner = new MeasuredProcess(java, classPath, work);
    List<String> rows = new ArrayList<>();
    List<String> stores = new ArrayList<>(List.of("SQLite"));
    if (!postgres.isBlank()) {
      stores.add("PostgreSQL");
    } else {
      System.err.println("No --postgresql URL and no LACRIMA_TEST_PG_URL: measuring SQLite only.");
    }
    if (options.containsKey("only")) {
      stores.removeIf(store -> !store.equalsIgnoreCase(options.get("only")));
    }
    for (String store : stores) {
      List<String> where;
      String project;
      String schema = "";
      if (store.equals("SQLite")) {
        project = work.resolve("study.lacrima").toString();
        where = List.of();
      } else {
        project = "bench";
        schema = "lacrima_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        where = List.of("--db", postgres + (postgres.contains("?") ? "&" : "?") + "schema=" + schema);
      }
      check(runner.run(concat(List.of("init", project), where)), "init");
      List<String> importArgs = new ArrayList<>(List.of("import", project));
      study.transcripts().forEach(t -> importArgs.add(t.toString()));
      importArgs.addAll(List.of("--vars", study.variables().toString()));
      measure(rows, store, "import", runner, concat(importArgs, where), p.documents() + " files");
      measure(rows, store, "codings import", runner, concat(List.of("codings", "import", project, study.codings().toString()), where),
          String.format(Locale.ROOT, "%,d codings", p.codings()));
      // a read changes nothing, so it is measured three times and the median taken: one run of about two seconds on
      // a shared machine says little (an import cannot be repeated on the same project)
      measure(rows, store, "stats", runner, concat(List.of("stats", project), where), "(median of 3)", 3);
      if (store.equals("SQLite")) {
        rows.add(String.format(Locale.ROOT, "| SQLite | (size of the project file) | %,.0f MB | | | |",
            Files.size(Path.of(project)) / (1024.0 * 1024.0)));
      } else {
        Scratch.dropSchema(postgres, schema);
      }
    }
    System.out.println(report(p, rows));
    Scratch.deleteTree(work);
  }

  private static void measure(List<String> rows, String store, String step, MeasuredProcess runner, List<String> args,
      String what) throws IOException, InterruptedException {
    measure(rows, store, step, runner, args, what, 1);
  }

  private static void measure(List<String> rows, String store, String step, MeasuredProcess runner, List<String> args,
      String what, int runs) throws IOException, InterruptedException {
    System.err.println(store + ": " + step + " …");
    List<MeasuredProcess.Result> all = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      all.add(check(runner.run(args), step));
    }
    all.sort(java.util.Comparator.comparingDouble(MeasuredProcess.Result::seconds));
    MeasuredProcess.Result r = all.get(runs / 2);
    double target = TARGET_SECONDS.get(step);
    rows.add(String.format(Locale.ROOT, "| %s | `lacrima %s` %s | %.2f s | %.0f MB | ≤ %.0f s | %s |", store, step, what,
        r.seconds(), r.peakHeapMb(), target, r.seconds() <= target ? "met" : "**missed**"));
  }

  private static MeasuredProcess.Result check(MeasuredProcess.Result r, String step) {
    if (r.status() != 0) {
      throw new IllegalStateException(step + " failed with status " + r.status() + ":\n" + r.output());
    }
    return r;
  }

  static String report(ScaleStudy.Parameters p, List<String> rows) {
    StringBuilder b = new StringBuilder();
    b.append("## Foundation: import, codings import, stats (").append(LocalDate.now()).append(")\n\n");
    b.append("Machine: ").append(Machine.describe()).append("\n\n");
    b.append(String.format(Locale.ROOT, "Data: `ScaleStudy` seed %d: %,d generated interviews of %,d words (turns of about %d "
        + "words, alternating I/B, a timestamp on every fifth), %,d codings by %d coders over the 31 built-in categories.%n%n",
        p.seed(), p.documents(), p.wordsPerDocument(), p.wordsPerTurn(), p.codings(), p.coders()));
    b.append("Each figure is one whole process running the command from the runnable jar (JVM start included), "
        + "default JVM settings (`stats`, which changes nothing, the median of three such runs); peak heap is the largest heap occupancy the GC log shows before a collection, "
        + "or the heap in use when the command ended if larger.\n\n");
    b.append("| store | command | wall time | peak heap | target | |\n|---|---|---|---|---|---|\n");
    rows.forEach(r -> b.append(r).append('\n'));
    return b.toString();
  }
}
