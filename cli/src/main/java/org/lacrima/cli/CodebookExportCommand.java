package org.lacrima.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.io.codebook.CodebookFormat;
import org.lacrima.io.codebook.CodebookFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export",
    header = "Write the codebook as Markdown, HTML, DOCX or JSON.",
    description = {
    "Write the codebook as a document to hand out (markdown, html, docx) or as machine-readable JSON:",
    "every field of every category, the relations, and the citation."})
final class CodebookExportCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
      description = "A project (file, or name with --db); without it, the built-in category system.")
  String project;

  @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL server holding the project.")
  String db;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "markdown, html, docx or json.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "The file to write (default: the terminal, for markdown, html and json).")
  Path output;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "en|de", description = "Main language (default: en).")
  String language;

  @Option(names = "--version", paramLabel = "NAME",
      description = "A frozen version of the project's system: a tag, base, upstream (the built-in version last taken over) or "
          + "current (default: current).")
  String version;

  @Spec
  CommandSpec spec;

  private CategorySystem version() {
    if (project == null) {
      throw new InputException("--version needs a project: the built-in system has only itself");
    }
    try (var store = ProjectOptions.open(project, db, spec)) {
      return store.read(s -> org.lacrima.core.codebook.CodebookHistory.version(s, version));
    }
  }

  /**
   * A frozen version of a project's system named as the project names it; its current system, and the built-in one,
   * as they are (a current system that differs from the release says so by itself).
   */
  private void write(CodebookFormat f, CategorySystem system, java.io.OutputStream out) throws IOException {
    if (version == null) {
      f.write(system, Languages.check(language), out);
    } else {
      f.write(system, version.strip(), Languages.check(language), out);
    }
  }

  @Override
  public Integer call() throws IOException {
    CodebookFormat f = CodebookFormats.byName(format);
    CategorySystem system = version == null ? CodebookCommand.load(project, db, spec) : version();
    if (output == null) {
      if (f.name().equals("docx")) {
        throw new InputException("a DOCX file is binary: name the file to write with -o FILE.docx");
      }
      try (java.io.OutputStream out = Lacrima.dataStream(spec.commandLine().getOut())) {
        write(f, system, out);
      }
      return 0;
    }
    Path target = OutputFile.write(output, out -> write(f, system, out));
    OutputFile.messages(spec, target).println("Wrote the codebook (" + f.name() + ", " + system.size() + " categories, "
        + system.relations().size() + " relations) to " + target);
    return 0;
  }
}
