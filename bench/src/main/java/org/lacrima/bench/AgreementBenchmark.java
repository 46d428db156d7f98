package org.lacrima.bench;

import static org.lacrima.bench.CommandLines.concat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.Category;

/**
 * The agreement benchmark of issue 4: on the coding and span data of {@code gen_coding_data.py} (sizes S, M,
 * L), the whole-process time and peak heap of Lacrima's per-category report, its joint bootstrap and its
 * unitizing alpha, of DKPro Agreement 2.2.1 computing the coefficients both have on the same files, and of
 * {@code lacrima agreement} on a project holding M; with the largest difference between the values the two
 * tools (and the two ways into Lacrima) give for the same coefficient.
 *
 * <p>Run it with {@code bench/run agreement}; it prints a Markdown section for docs/BENCHMARKS.md and ends
 * with status 1 if a value differs by more than {@link #TOLERANCE}.
 */
public final class AgreementBenchmark {

  static final double TOLERANCE = 1e-9;
  private static final String SCRIPT = "bench/gen_coding_data.py";

  private AgreementBenchmark() {
  }

  /** One line of the results table. */
  private record Line(String figure, String data, MeasuredProcess.Result lacrima, String target, Boolean met,
      List<String> peer) {
  }

  private static final List<String> NO_PEER = List.of("", "", "");
  /** The launcher users run, at the root of the repository (the benchmark runs from there). */
  private static final Path LAUNCHER = Path.of("lacrima").toAbsolutePath();

  /** Largest difference over the values two runs share. */
  private record Difference(String between, int values, double largest, String where) {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = CommandLines.options(args);
    Path data = Path.of(o.getOrDefault("data", "bench/data")).toAbsolutePath();
    Path shared = Path.of(o.getOrDefault("shared", System.getenv().getOrDefault("LACRIMA_SHARED", "../shared")))
        .toAbsolutePath().normalize();
    List<String> sizes = List.of(o.getOrDefault("sizes", "S,M,L").split(","));
    int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
    int replicates = Integer.parseInt(o.getOrDefault("replicates", "2000"));
    long seed = Long.parseLong(o.getOrDefault("seed", "20260101"));
    boolean peer = !o.getOrDefault("dkpro", "yes").equals("no");
    long peerTimeout = Long.parseLong(o.getOrDefault("dkpro-timeout", "600"));
    String peerHeap = o.getOrDefault("dkpro-heap", "6g");
    boolean peerUnitizingL = o.getOrDefault("dkpro-unitizing-l", "no").equals("yes");
    boolean project = !o.getOrDefault("project", "yes").equals("no");
    String postgres = o.getOrDefault("postgresql", System.getenv().getOrDefault("LACRIMA_TEST_PG_URL", ""));

    DataSource source = data(data, shared, sizes);
    Path work = Files.createTempDirectory(data, "agreement-run-");
    // copies of the jars: a build running beside the benchmark must not swap classes under a measured process
    String classPath = copyJars(o.getOrDefault("classpath", System.getProperty("java.class.path")), work.resolve("lacrima"));
    String peerClassPath = copyJars(o.getOrDefault("peer-classpath", ""), work.resolve("peer"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    MeasuredProcess runner = new MeasuredProcess(java, classPath, work);
    List<Line> lines = new ArrayList<>();
    List<Difference> differences = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> small = List.of("-Xmx256m");
    String lacrimaMain = LacrimaFileRun.class.getName();
    String peerMain = DkproRun.class.getName();

    for (String size : sizes) {
      Path coding = source.folder().resolve("coding_" + size + ".tsv");
      Path spans = source.folder().resolve("spans_" + size + ".tsv");
      Path out = work.resolve("lacrima-" + size);
      String target = switch (size) {
        case "M" -> "≤ 0.5 s, heap ≤ 256 MB";
        case "L" -> "≤ 2 s";
        default -> "";
      };
      MeasuredProcess.Result report = repeat(runner, runs, small, classPath, lacrimaMain,
          List.of("report", coding.toString(), out.toString()), "Lacrima report " + size);
      Boolean met = switch (size) {
        case "M" -> report.seconds() <= 0.5 && report.peakHeapBytes() <= 256L * 1024 * 1024;
        case "L" -> report.seconds() <= 2.0;
        default -> null;
      };
      List<String> peerCell = NO_PEER;
      if (peer) {
        Path peerOut = work.resolve("dkpro-" + size);
        MeasuredProcess.Result d = once(runner, List.of("-Xmx" + peerHeap), peerClassPath, peerMain,
            List.of("coding", coding.toString(), peerOut.toString()), peerTimeout, "DKPro coding " + size);
        peerCell = peerCell(d, report, peerTimeout, peerHeap);
        if (d.status() == 0) {
          differences.add(compare("Lacrima and DKPro, per category: nominal alpha, Fleiss' kappa, Cohen's kappa of "
              + "coders 1 and 2, " + size, values(Path.of(out + ".tsv")), values(Path.of(peerOut + ".tsv"))));
        }
      }
      lines.add(new Line("per-category report, no bootstrap", size, report, target, met, peerCell));

      if (size.equals("M")) {
        MeasuredProcess.Result boot = repeat(runner, Math.max(1, Math.min(runs, 3)), small, classPath, lacrimaMain,
            List.of("report", coding.toString(), work.resolve("bootstrap-" + size).toString(),
                Integer.toString(replicates), Long.toString(seed)), "Lacrima bootstrap " + size);
        lines.add(new Line(String.format(Locale.ROOT, "report with %,d bootstrap replicates", replicates), size, boot,
            "≤ 5 s", boot.seconds() <= 5.0, List.of("(has no bootstrap)", "", "")));
      }

      Path unitOut = work.resolve("unitizing-" + size);
      MeasuredProcess.Result unit = repeat(runner, runs, small, classPath, lacrimaMain,
          List.of("unitizing", spans.toString(), unitOut.toString()), "Lacrima unitizing " + size);
      List<String> unitPeer = NO_PEER;
      if (peer && (!size.equals("L") || peerUnitizingL)) {
        Path peerOut = work.resolve("dkpro-unitizing-" + size);
        List<String> a = new ArrayList<>(List.of("unitizing", spans.toString(), peerOut.toString()));
        if (size.equals("S")) {
          a.add("per-category");
        }
        MeasuredProcess.Result d = once(runner, List.of("-Xmx" + peerHeap), peerClassPath, peerMain, a, peerTimeout,
            "DKPro unitizing " + size);
        unitPeer = new ArrayList<>(peerCell(d, unit, peerTimeout, peerHeap));
        unitPeer.set(0, unitPeer.get(0) + (size.equals("S") ? " (pooled and per category)" : " (pooled only)"));
        if (d.status() == 0) {
          differences.add(compare("Lacrima and DKPro, unitizing alpha" + (size.equals("S") ? " pooled and per category, "
              : " pooled, ") + size, values(Path.of(unitOut + ".tsv")), values(Path.of(peerOut + ".tsv"))));
        }
      } else if (peer) {
        unitPeer = List.of("not run (see notes)", "", "");
        notes.add("DKPro's unitizing alpha on L was not run (`--dkpro-unitizing-l yes` runs it, up to the time limit): "
            + "L has ten times the spans of M, and DKPro compares every unit with every other of its category.");
      }
      lines.add(new Line("unitizing alpha, pooled and per category", size, unit, size.equals("M") ? "≤ 2 s" : "",
          size.equals("M") ? unit.seconds() <= 2.0 : null, unitPeer));
    }

    if (project && sizes.contains("M")) {
      Path coding = source.folder().resolve("coding_M.tsv");
      System.err.println("Writing (or reusing) the transcripts and codings of M …");
      CodingProject.Written files = CodingProject.write(coding, data.resolve("agreement-project-M"));
      Map<String, Double> fileValues = values(work.resolve("lacrima-M.tsv"));
      List<String> stores = new ArrayList<>(List.of("SQLite"));
      if (!postgres.isBlank()) {
        stores.add("PostgreSQL");
      } else {
        notes.add("No --postgresql URL and no LACRIMA_TEST_PG_URL: the project store was measured on SQLite only.");
      }
      if (o.containsKey("only")) {
        stores.removeIf(s -> !s.equalsIgnoreCase(o.get("only")));
      }
      for (String store : stores) {
        List<String> where = List.of();
        String name = work.resolve("M.lacrima").toString();
        String schema = "";
        if (store.equals("PostgreSQL")) {
          name = "bench";
          schema = "lacrima_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
          where = List.of("--db", postgres + (postgres.contains("?") ? "&" : "?") + "schema=" + schema);
        }
        try {
          check(runner.run(concat(List.of("init", name), where)), "init");
          List<String> importArgs = new ArrayList<>(List.of("import", name));
          files.transcripts().forEach(t -> importArgs.add(t.toString()));
          System.err.println(store + ": import, codings import …");
          MeasuredProcess.Result imported = check(runner.run(concat(importArgs, where)), "import");
          MeasuredProcess.Result coded = check(runner.run(concat(List.of("codings", "import", name,
              files.codings().toString()), where)), "codings import");
          notes.add(String.format(Locale.ROOT, "Setting up the %s project (not a target): `lacrima import` of the %,d "
              + "transcripts %.1f s, `lacrima codings import` of %,d codings %.1f s.", store, files.transcripts().size(),
              imported.seconds(), files.codingRows(), coded.seconds()));
          Path json = work.resolve("agreement-" + store + ".json");
          int projectRuns = Math.max(1, Math.min(runs, 3));
          // the report's figures (the target) as a user runs them, through the launcher and its startup cache; then
          // the same with the runnable jar alone, and with every disagreement listed with its text
          List<String> reportArgs = concat(List.of("agreement", name, "--coders", "A,B,C", "--unit", "turn",
              "--bootstrap", "0", "--format", "json", "--disagreements", "0", "-o", json.toString()), where);
          MeasuredProcess.Result prepared = check(runner.runLauncher(LAUNCHER, List.of(), List.of("--version")),
              "./lacrima --version");
          if (prepared.output().contains("Preparing a faster start")) {
            notes.add(String.format(Locale.ROOT, "After the build, the launcher's first run recorded its startup cache "
                + "(not a target): %.1f s, once per build and JDK.", prepared.seconds()));
          }
          Repeated repeated = repeatLauncher(runner, Math.max(1, runs), reportArgs, "./lacrima agreement " + store);
          MeasuredProcess.Result launched = repeated.median();
          notes.add("`./lacrima agreement` from the " + store + " project, each run (the machine's speed varies from "
              + "minute to minute): " + repeated.spread() + ".");
          lines.add(new Line("`./lacrima agreement --unit turn --bootstrap 0 --format json --disagreements 0` from a "
              + store + " project (the launcher, with its startup cache)", "M", launched, "≤ 2 s",
              launched.seconds() <= 2.0, NO_PEER));
          MeasuredProcess.Result agreement = repeat(runner, projectRuns, List.of("--enable-native-access=ALL-UNNAMED"),
              classPath, MeasuredMain.class.getName(), reportArgs, "lacrima agreement " + store);
          lines.add(new Line("the same with `java -jar lacrima.jar` (no startup cache)", "M", agreement, "", null,
              NO_PEER));
          differences.add(compare("`lacrima agreement` on the " + store + " project and the report from the file, "
              + "every per-category and code-set figure, M", fileValues, projectValues(json)));
          Path listed = work.resolve("agreement-" + store + "-all.json");
          MeasuredProcess.Result withList = repeat(runner, projectRuns, List.of("--enable-native-access=ALL-UNNAMED"),
              classPath, MeasuredMain.class.getName(), concat(List.of("agreement", name, "--coders", "A,B,C", "--unit",
                  "turn", "--bootstrap", "0", "--format", "json", "-o", listed.toString()), where),
              "lacrima agreement (all disagreements) " + store);
          lines.add(new Line("the same, listing every disagreement with its text (the default for JSON)", "M", withList,
              "", null, NO_PEER));
          Idle.await();
          List<String> phaseArgs = new ArrayList<>(List.of(name));
          if (store.equals("PostgreSQL")) {
            phaseArgs.add(where.get(1));
          }
          phaseArgs.add(work.resolve("phases.json").toString());
          MeasuredProcess.Result phases = runner.run(List.of("--enable-native-access=ALL-UNNAMED"), classPath,
              ProjectPhases.class.getName(), phaseArgs, 0);
          notes.add("Where the time of `lacrima agreement` on the " + store + " project goes (one process doing the "
              + "command's work phase by phase): " + (phases.status() == 0 ? phases.output().strip()
              : "could not be measured: " + tail(phases.output())) + ".");
        } finally {
          if (store.equals("PostgreSQL")) {
            Scratch.dropSchema(postgres, schema);
          }
        }
      }
    }

    System.out.println(report(source, sizes, runs, peer, peerHeap, peerTimeout, lines, differences, notes));
    Scratch.deleteTree(work);
    for (Difference d : differences) {
      if (!(d.largest() <= TOLERANCE)) {
        System.err.println("FAILED: " + d.between() + " differ by " + d.largest() + " at " + d.where());
        System.exit(1);
      }
    }
  }

  /** Which data the run used and where they are. */
  private record DataSource(Path folder, String description) {
  }

  /**
   * The shared generator's files, made with python3 if missing or made by another version of the script;
   * without the script, this module's {@link CodingDataGenerator}.
   */
  private static DataSource data(Path data, Path shared, List<String> sizes) throws IOException, InterruptedException {
    Path script = shared.resolve(SCRIPT);
    if (Files.isRegularFile(script)) {
      Path folder = data.resolve("agreement");
      Files.createDirectories(folder);
      String digest = sha256(script);
      for (String size : sizes) {
        Path stamp = folder.resolve("SOURCE_" + size);
        boolean fresh = Files.exists(folder.resolve("coding_" + size + ".tsv")) && Files.exists(folder.resolve(
            "spans_" + size + ".tsv")) && Files.exists(stamp) && Files.readString(stamp).strip().equals(digest);
        if (!fresh) {
          System.err.println("Generating " + size + " with " + script + " …");
          Process p = new ProcessBuilder("python3", script.toString(), folder.toString(), size).inheritIO().start();
          if (p.waitFor() != 0) {
            throw new IOException(script + " failed with status " + p.exitValue());
          }
          Files.writeString(stamp, digest + "\n");
          // the kernel writes the new files out over the next half minute, on the disk the measured runs read from
          for (Path written : List.of(folder.resolve("coding_" + size + ".tsv"),
              folder.resolve("spans_" + size + ".tsv"))) {
            try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
              channel.force(true);
            }
          }
        }
      }
      return new DataSource(folder, "`../shared/bench/gen_coding_data.py` (sha256 " + digest.substring(0, 12)
          + "…), run with python3 into `bench/data/agreement/`");
    }
    Path folder = data.resolve("agreement-generated");
    for (String size : sizes) {
      if (!Files.exists(folder.resolve("spans_" + size + ".tsv"))) {
        System.err.println("No " + script + ": generating " + size + " with CodingDataGenerator …");
        CodingDataGenerator.generate(CodingDataGenerator.size(size), folder);
      }
    }
    return new DataSource(folder, "this module's `CodingDataGenerator` (the shared script's model and format, not "
        + "its bytes; `../shared` was not there), in `bench/data/agreement-generated/`");
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String copyJars(String classPath, Path folder) throws IOException {
    if (classPath.isBlank()) {
      return "";
    }
    Files.createDirectories(folder);
    List<String> out = new ArrayList<>();
    int i = 0;
    for (String entry : classPath.split(File.pathSeparator)) {
      Path from = Path.of(entry);
      if (Files.isRegularFile(from)) {
        Path to = folder.resolve((i++) + "-" + from.getFileName());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        out.add(to.toString());
      } else {
        out.add(entry);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  /** The run of median time among {@code n}, its heap the largest of all of them. */
  private static MeasuredProcess.Result repeat(MeasuredProcess runner, int n, List<String> jvm, String classPath,
      String main, List<String> args, String what) throws IOException, InterruptedException {
    return median(n, what, () -> runner.run(jvm, classPath, main, args, 0)).median();
  }

  /** Like {@link #repeat}, through the launcher (see {@link MeasuredProcess#runLauncher}). */
  private static Repeated repeatLauncher(MeasuredProcess runner, int n, List<String> args, String what)
      throws IOException, InterruptedException {
    return median(n, what, () -> runner.runLauncher(LAUNCHER, List.of("-Xmx256m"), args));
  }

  private interface Run {
    MeasuredProcess.Result once() throws IOException, InterruptedException;
  }

  /** Runs measured one after the other: the run of median wall time, with the largest peak heap of them all. */
  private record Repeated(MeasuredProcess.Result median, List<Double> seconds) {
    String spread() {
      return seconds.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(", "))
          + " s";
    }
  }

  /** Runs {@code n} times, each on an idle machine. */
  private static Repeated median(int n, String what, Run run) throws IOException, InterruptedException {
    List<MeasuredProcess.Result> results = new ArrayList<>();
    long heap = 0;
    for (int i = 0; i < n; i++) {
      Idle.await();
      System.err.println(what + " (" + (i + 1) + "/" + n + ") …");
      MeasuredProcess.Result r = check(run.once(), what);
      results.add(r);
      heap = Math.max(heap, r.peakHeapBytes());
    }
    results.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
    MeasuredProcess.Result median = results.get((n - 1) / 2);
    return new Repeated(new MeasuredProcess.Result(median.seconds(), heap, 0, median.output()),
        results.stream().map(MeasuredProcess.Result::seconds).toList());
  }

  private static MeasuredProcess.Result once(MeasuredProcess runner, List<String> jvm, String classPath, String main,
      List<String> args, long timeout, String what) throws IOException, InterruptedException {
    Idle.await();
    System.err.println(what + " …");
    MeasuredProcess.Result r = runner.run(jvm, classPath, main, args, timeout);
    if (r.status() != 0 && r.status() != MeasuredProcess.TIMED_OUT) {
      System.err.println(what + " failed with status " + r.status() + ":\n" + tail(r.output()));
    }
    return r;
  }

  /** The peer's three cells: time, peak heap, and its time over Lacrima's. */
  private static List<String> peerCell(MeasuredProcess.Result d, MeasuredProcess.Result lacrima, long timeout,
      String heap) {
    if (d.status() == MeasuredProcess.TIMED_OUT) {
      return List.of(String.format(Locale.ROOT, "not done after %d s, stopped", timeout), "", "");
    }
    if (d.status() != 0) {
      return List.of((d.output().contains("OutOfMemoryError") ? "ran out of its " + heap + " heap" : "failed (status "
          + d.status() + ")") + String.format(Locale.ROOT, " after %.1f s", d.seconds()), "", "");
    }
    return List.of(seconds(d.seconds()), mb(d.peakHeapBytes()),
        ratio(d.seconds() / lacrima.seconds()));
  }

  private static MeasuredProcess.Result check(MeasuredProcess.Result r, String step) {
    if (r.status() != 0) {
      throw new IllegalStateException(step + " failed with status " + r.status() + ":\n" + tail(r.output()));
    }
    return r;
  }

  private static String tail(String output) {
    return output.length() > 4000 ? "…" + output.substring(output.length() - 4000) : output;
  }

  /** {@code key TAB value} lines; undefined values are left out. */
  static Map<String, Double> values(Path tsv) throws IOException {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(tsv)) {
      String[] kv = line.split("\t");
      if (kv.length == 2 && !kv[1].equals("undefined") && !kv[0].endsWith("/ci_95")) {
        out.put(kv[0], Double.parseDouble(kv[1]));
      }
    }
    return out;
  }

  /**
   * The figures of {@code lacrima agreement}'s JSON under the keys of {@link LacrimaFileRun}: the project's
   * categories by the file's numbering (category i is the i-th codable built-in category), the code-set row.
   */
  static Map<String, Double> projectValues(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    List<Category> codable = BuiltInCategorySystem.get().codable();
    Map<String, Integer> indexOfLabel = new LinkedHashMap<>();
    for (int i = 0; i < codable.size(); i++) {
      indexOfLabel.put(codable.get(i).label().english(), i);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (JsonNode row : root.get("categories")) {
      Integer i = indexOfLabel.get(row.get("label").asText());
      if (i != null) {
        figures(row, "category/" + i + "/", out);
      }
    }
    for (JsonNode row : root.get("overall")) {
      if (row.get("kind").asText().equals("code_set")) {
        figures(row, "code_set/", out);
      }
    }
    return out;
  }

  private static void figures(JsonNode row, String prefix, Map<String, Double> out) {
    row.properties().forEach(e -> {
      JsonNode value = e.getValue().get("value");
      if (e.getValue().isObject() && value != null && value.isNumber()) {
        out.put(prefix + e.getKey(), value.asDouble());
      }
    });
  }

  private static Difference compare(String between, Map<String, Double> a, Map<String, Double> b) {
    double largest = 0;
    String where = "";
    int n = 0;
    for (Map.Entry<String, Double> e : b.entrySet()) {
      Double other = a.get(e.getKey());
      if (other == null) {
        continue;
      }
      n++;
      double d = Math.abs(other - e.getValue());
      if (!(d <= largest)) {
        largest = d;
        where = e.getKey();
      }
    }
    if (n == 0) {
      return new Difference(between, 0, Double.NaN, "no value in common");
    }
    return new Difference(between, n, largest, where);
  }

  static String report(DataSource source, List<String> sizes, int runs, boolean peer, String peerHeap, long timeout,
      List<Line> lines, List<Difference> differences, List<String> notes) {
    StringBuilder b = new StringBuilder();
    b.append("## Agreement (issue 4) (").append(LocalDate.now()).append(")\n\n");
    b.append("Machine: ").append(Machine.describe()).append("\n\n");
    b.append("Data: ").append(source.description()).append(": ");
    List<String> described = new ArrayList<>();
    for (String s : sizes) {
      CodingDataGenerator.Size size = CodingDataGenerator.size(s);
      described.add(String.format(Locale.ROOT, "%s = %,d documents × %d units, %d coders", s, size.documents(),
          CodingDataGenerator.UNITS_PER_DOCUMENT, size.coders()));
    }
    b.append(String.join("; ", described)).append("; 25 categories, 0–2 codes per unit; span files with the same "
        + "documents of about 60,000 characters and about 40 spans per coder and document.\n\n");
    b.append("Each Lacrima figure is the median wall time of ").append(runs).append(" whole processes (JVM start "
        + "included; the bootstrap and the other project-store figures of up to 3), run with `-Xmx256m`, its peak heap the "
        + "largest of those runs. The figures from the files run the jar itself; the report from a project runs "
        + "through `./lacrima`, as users do, which starts the JVM from the startup cache it records once per build "
        + "(an AOT cache on Java 25), and once more with the jar alone for comparison. DKPro Agreement 2.2.1 ran once per figure, in its own process with "
        + "`-Xmx").append(peerHeap).append("` and a limit of ").append(timeout).append(" s. Peak heap is the largest "
        + "heap occupancy the GC log shows before a collection, or the heap in use at the end if larger (the "
        + "launcher's JVM records no heap at its end: there the GC log alone). Each run "
        + "waited until the machine was otherwise idle (under a quarter of its CPU busy).\n\n");
    b.append("Lacrima's report has, per category, percent agreement, Cohen's kappa (2 coders) or Conger's and Light's "
        + "kappa (3), Fleiss' category kappa, nominal alpha, Gwet's AC1 and Brennan–Prediger's kappa (and with 2 "
        + "coders Scott's pi, the maximum kappa and specific agreement), the same over all categories pooled, and "
        + "MASI alpha over the sets of codes; the run also computes Cohen's kappa of coders 1 and 2 per category "
        + "for the comparison, and writes the report as JSON. DKPro computes, per category, nominal alpha, Fleiss' "
        + "kappa and Cohen's kappa of coders 1 and 2, from one category-vs-rest study per category, made one at a "
        + "time. The unitizing figure is alpha over the documents concatenated into one continuum, pooled over the "
        + "categories and per category.\n\n");
    b.append("| figure | data | Lacrima | peak heap | target | | DKPro 2.2.1 | DKPro peak heap | DKPro / Lacrima |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Line l : lines) {
      List<String> p = peer ? l.peer() : NO_PEER;
      b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", l.figure(), l.data(),
          seconds(l.lacrima().seconds()), mb(l.lacrima().peakHeapBytes()), l.target(),
          l.met() == null ? "" : l.met() ? "met" : "**missed**", p.get(0), p.get(1), p.get(2)));
    }
    b.append("\nLargest difference between values of the same coefficient (must be ≤ 1e-9):\n\n");
    for (Difference d : differences) {
      b.append(String.format(Locale.ROOT, "- %s: %s over %d values%s%n", d.between(),
          Double.isNaN(d.largest()) ? "nothing to compare" : String.format(Locale.ROOT, "%.1e", d.largest()), d.values(),
          d.largest() > 0 ? " (at `" + d.where() + "`)" : ""));
    }
    if (!notes.isEmpty()) {
      b.append('\n');
      notes.forEach(n -> b.append("- ").append(n).append('\n'));
    }
    return b.toString();
  }

  private static String ratio(double r) {
    return r < 10 ? String.format(Locale.ROOT, "%.1f×", r) : String.format(Locale.ROOT, "%,.0f×", r);
  }

  private static String seconds(double s) {
    return s < 10 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.1f s", s);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MB", bytes / (1024.0 * 1024.0));
  }

  /** Waits for the machine to be otherwise idle, so that other people's builds do not end up in the figures. */
  static final class Idle {

    private static final double BUSY = 0.25;
    private static final int PATIENCE_SECONDS = 120;

    private Idle() {
    }

    static void await() throws InterruptedException {
      long[] before = cpu();
      if (before.length == 0) {
        return;
      }
      for (int waited = 0; waited < PATIENCE_SECONDS; waited++) {
        Thread.sleep(1000);
        long[] after = cpu();
        long total = after[0] - before[0];
        long idle = after[1] - before[1];
        if (total > 0 && 1 - (double) idle / total < BUSY) {
          return;
        }
        before = after;
      }
      System.err.println("The machine stayed busy for " + PATIENCE_SECONDS + " s; measuring anyway.");
    }

    /** Total and idle jiffies of all CPUs, from /proc/stat; empty where there is none. */
    private static long[] cpu() {
      try {
        String line = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
        long[] f = Arrays.stream(line.substring(3).trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
        long total = 0;
        for (int i = 0; i < Math.min(f.length, 8); i++) {
          total += f[i];
        }
        return new long[] {total, f[3] + f[4]};
      } catch (IOException | RuntimeException e) {
        return new long[0];
      }
    }
  }
}
