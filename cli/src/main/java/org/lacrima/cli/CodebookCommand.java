package org.lacrima.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "codebook", description = {
    "Print the category system as a tree: a project's own, or without PROJECT the built-in one."},
    subcommands = {CodebookExportCommand.class, CodebookLogCommand.class, CodebookTagCommand.class,
        CodebookDiffCommand.class, CodebookUpgradeCommand.class})
final class CodebookCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
      description = "A project (file, or name with --db); without it, the built-in category system.")
  String project;

  @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL server holding the project.")
  String db;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "en|de", description = "Language of labels (default: en).")
  String language;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    CategorySystem system = load(project, db, spec);
    var out = spec.commandLine().getOut();
    var info = system.info();
    boolean de = Languages.check(language).equals("de");
    out.println(info.title().in(language) + " (" + info.versionLabel() + ")"
        + (project == null ? (de ? ", eingebaut" : ", built in") : (de ? ", Projekt " : ", project ") + project));
    if (!info.citation().isEmpty()) {
      out.println((de ? "Quelle: " : "Source: ") + info.citation());
    }
    // the German labels are Lacrima's translation, not the paper's wording: said where they are shown
    if (de) {
      info.translationNote().exactly("de").ifPresent(note -> out.println("Übersetzung: " + note));
    }
    out.println();
    new CategoryTree().print(system, language, out, Map.of());
    new CategoryTree().printRelations(system, language, out);
    return 0;
  }

  static CategorySystem load(String project, String db, CommandSpec command) {
    if (project == null) {
      return BuiltInCategorySystem.get();
    }
    try (ProjectStore store = ProjectOptions.open(project, db, command)) {
      return store.read(s -> s.categories().current());
    }
  }
}
