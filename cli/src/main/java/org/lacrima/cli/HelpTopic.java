package org.lacrima.cli;

import java.util.ArrayList;
import java.util.List;
import org.lacrima.core.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lacrima help codings import}: the help of a command at any depth. Picocli's own help command reads the first
 * name only, and would show the help of "codings" here.
 */
@Command(name = "help", helpCommand = true, header = "Show the help of a command (help codings import).",
    description = "Show the help of a command, or of one of its subcommands: lacrima help codings import.")
final class HelpTopic implements Runnable {

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command, and a subcommand of it.")
  List<String> path = new ArrayList<>();

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    CommandLine at = spec.parent().commandLine();
    List<String> walked = new ArrayList<>();
    for (String name : path) {
      walked.add(name);
      CommandLine next = at.getSubcommands().get(name);
      if (next == null) {
        throw new InputException("there is no command \"" + String.join(" ", walked) + "\"; lacrima "
            + String.join(" ", walked.subList(0, walked.size() - 1)) + (walked.size() > 1 ? " " : "")
            + "--help lists them");
      }
      at = next;
    }
    at.usage(spec.commandLine().getOut());
  }
}
