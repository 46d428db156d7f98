package org.lacrima.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lacrima} command. */
@Command(name = "lacrima",
    mixinStandardHelpOptions = true,
    versionProvider = Lacrima.Version.class,
    description = {
        "A research workbench for therapists' working models of crying in psychotherapy",
        "(the integrative category system of Gutjahr, Marten & Benecke).",
        "",
        "Projects are files (study.lacrima) or, with --db postgresql://…, projects on a team server.",
        "Nothing leaves this machine: Lacrima makes no network connections except to a --db server you name."})
public final class Lacrima implements Runnable {

  /**
   * The commands, in the order help lists them. Not in the annotation: picocli builds the model of every
   * subcommand it is given by reflection, a quarter of a second for all of them, so a command line that names
   * one gets only that one (see {@link #execute}).
   */
  private static final List<Class<?>> COMMANDS = List.of(
      DemoCommand.class,
      InitCommand.class,
      ProjectsCommand.class,
      CodebookCommand.class,
      CategoryCommand.class,
      ImportCommand.class,
      ImportTableCommand.class,
      SegmentCommand.class,
      UnitsCommand.class,
      CodingsCommand.class,
      StatsCommand.class,
      AgreementCommand.class,
      ConsensusCommand.class,
      HelpTopic.class);

  /** Exit status for input or project problems the user can mend (a message was printed). */
  public static final int REFUSED = 1;
  /** Exit status for a fault in Lacrima itself. */
  public static final int INTERNAL_ERROR = 70;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Standard output as bytes, for data (CSV) that must be UTF-8 whatever the console shows. */
  private static volatile java.io.OutputStream rawOut;

  public static void main(String[] args) {
    rawOut = System.out;
    System.exit(execute(new PrintWriter(System.out, true, Console.charset()),
        new PrintWriter(System.err, true, Console.charset()), args));
  }

  /**
   * Where data written to standard output goes: UTF-8 bytes on the real standard output (a CSV piped
   * to a file must not depend on the console's code page), else the given writer (tests).
   */
  static java.io.Writer dataWriter(PrintWriter messages) {
    java.io.OutputStream out = rawOut;
    if (out == null) {
      return messages;
    }
    messages.flush();
    return new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** Standard output as bytes for data (a codebook, UTF-8), or, in tests, the given writer. Not closed by users. */
  static java.io.OutputStream dataStream(PrintWriter messages) {
    messages.flush();
    java.io.OutputStream out = rawOut;
    if (out != null) {
      return new java.io.FilterOutputStream(out) {
        @Override
        public void close() throws IOException {
          flush(); // standard output stays open for the messages after it
        }
      };
    }
    return new java.io.ByteArrayOutputStream() {
      @Override
      public void close() {
        messages.write(toString(StandardCharsets.UTF_8));
        messages.flush();
      }
    };
  }

  /** Runs a command line, writing to the given streams; returns the exit status. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Lacrima());
    Optional<Class<?>> named = args.length == 0 ? Optional.empty() : COMMANDS.stream()
        .filter(c -> c != HelpTopic.class && c.getAnnotation(Command.class).name().equals(args[0]))
        .findFirst();
    // help, an unknown command or none: all of them, for the listing and picocli's suggestions
    (named.isPresent() ? List.of(named.get()) : COMMANDS).forEach(cl::addSubcommand);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    addHelpOption(cl);
    cl.setParameterExceptionHandler((e, given) -> {
      // one line and where to look, as for every other refusal; the whole usage would bury the reason
      err.println("lacrima: " + Console.indented(e.getMessage().replaceFirst("^Error: ", ""), "  "));
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      if (e instanceof CommandLine.MissingParameterException && java.util.Arrays.stream(given)
          .anyMatch(a -> a.startsWith("-") && !a.startsWith("--") && a.length() > 2)) {
        // "-5 years" as a name is read as an option: the name then seems missing though it was typed
        err.println("(a value that begins with \"-\" is read as an option; put -- before it: … -- \"-5 years\")");
      }
      err.println("(" + e.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^<main class>", "lacrima")
          + " --help lists the options)");
      err.flush();
      return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof InputException || e instanceof ProjectAccessException) {
        // a message may quote a file's text or a name typed in: nothing in it may act on the terminal
        // further lines indented: a line break in a quoted name cannot start a line that reads as a message of its own
        err.println("lacrima: " + Console.indented(e.getMessage(), "  "));
        err.flush();
        return REFUSED;
      }
      return internalError(e, err);
    });
    int status;
    try {
      status = cl.execute(args);
    } catch (OutOfMemoryError e) {
      // the transaction is never committed, so the project is as it was; the heap is what the user can change
      err.printf(Locale.ROOT, "lacrima: ran out of memory (Java may use %,d MB here); the command changed nothing. "
          + "Give it more with LACRIMA_JAVA_OPTIONS=-Xmx8g (or java -Xmx8g -jar lacrima.jar), or split the input.%n",
          Runtime.getRuntime().maxMemory() >> 20);
      status = REFUSED;
    } catch (StackOverflowError e) {
      // an Error passes picocli's handler by; a thousand lines of stack would bury the one that matters
      status = internalError(e, err);
    }
    out.flush();
    err.flush();
    return status;
  }

  private static int internalError(Throwable e, PrintWriter err) {
    Optional<String> storage = storageFailure(e);
    if (storage.isPresent()) {
      // not Lacrima's fault, and the user can act on it: said as a refusal is
      err.println("lacrima: " + storage.get() + "; the command changed nothing.");
      err.flush();
      return REFUSED;
    }
    // the details of a failed statement can hold transcript text or memos: shown only when asked for
    if (System.getenv("LACRIMA_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.println("lacrima: internal error (" + e.getClass().getSimpleName() + "); the command changed nothing.");
    err.println("To report it, run the command again with LACRIMA_DEBUG=1 set; the details it then prints may "
        + "contain text from your project, so look through them before sending.");
    err.flush();
    return INTERNAL_ERROR;
  }

  /**
   * A full disk or a file that cannot be written, wherever in the chain of causes the database driver or the file
   * system reports it.
   */
  static Optional<String> storageFailure(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    // the innermost cause first: a wrapper repeats its message without the file it names
    java.util.Collections.reverse(chain);
    for (Throwable t : chain) {
      String m = String.valueOf(t.getMessage());
      java.nio.file.Path file = t instanceof java.nio.file.FileSystemException f && f.getFile() != null
          ? java.nio.file.Path.of(f.getFile()) : null;
      if (file != null && file.getFileName() != null && file.getFileName().toString().startsWith(".")
          && file.getFileName().toString().endsWith(".part")) {
        // an output's hidden temporary, gone again: the folder is what the user named
        file = file.getParent();
      }
      if (m.contains("SQLITE_FULL") || m.contains("No space left on device") || m.contains("could not extend file")) {
        return Optional.of("the disk is full (" + (file != null ? file : "no space left for the project or its "
            + "journal") + ")");
      }
      if (m.contains("SQLITE_READONLY_ROLLBACK")) {
        return Optional.of("the project holds an interrupted write that must be rolled back, but its folder or "
            + "medium is read-only; open it once where it can be written");
      }
      if (t instanceof java.nio.file.AccessDeniedException) {
        return Optional.of("permission denied" + (file != null ? " for " + file : ""));
      }
      if (t instanceof java.nio.file.FileSystemException && m.contains("Read-only file system")) {
        return Optional.of("cannot write " + (file != null ? file : "there") + ": read-only file system");
      }
    }
    return Optional.empty();
  }

  /** How the user started Lacrima ("./lacrima", "java -jar lacrima.jar"), for the hints we print. */
  static String command() {
    // the launcher's path as it was typed, quoted where it holds a space (a clone under "My Documents")
    String launcher = System.getProperty("lacrima.command");
    return launcher == null ? "java -jar lacrima.jar" : org.lacrima.store.ProjectLocation.shellWord(launcher);
  }

  /**
   * -h/--help on every command (the standard mixin would also add --version, which export uses), and each
   * description as paragraphs: the lines of a description in the source are as wide as the source allows, and
   * picocli would wrap each of them on its own, leaving ragged half lines at any other width.
   */
  private static void addHelpOption(CommandLine cl) {
    if (!cl.getCommandSpec().optionsMap().containsKey("--help")) {
      cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
          .description("Show this help and exit.").build());
    }
    var usage = cl.getCommandSpec().usageMessage();
    usage.description(paragraphs(usage.description()));
    cl.getSubcommands().values().forEach(Lacrima::addHelpOption);
  }

  /** Lines joined into paragraphs; an empty line separates two. */
  static String[] paragraphs(String[] lines) {
    List<String> out = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) {
        if (!paragraph.isEmpty()) {
          out.add(paragraph.toString());
          paragraph.setLength(0);
        }
        out.add("");
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
      }
    }
    if (!paragraph.isEmpty()) {
      out.add(paragraph.toString());
    }
    return out.toArray(String[]::new);
  }

  static String version() {
    try (InputStream in = Lacrima.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      return p.getProperty("version", "development");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Lacrima " + version(), "Java " + Runtime.version()};
    }
  }
}
