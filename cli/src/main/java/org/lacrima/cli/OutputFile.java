package org.lacrima.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.UUID;
import org.lacrima.core.InputException;

/**
 * A file a command writes (an export): written beside its target and moved into place when
 * complete, so that a failed export never leaves half a file, and never a project file: writing an
 * export over a project would destroy every coding in it.
 */
final class OutputFile {

  private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** Writes one piece of content. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFile() {
  }

  /** Writes the file; returns its absolute path. */
  static Path write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    if (isStandardOutput(target)) {
      // the process's own output (/dev/stdout): written on its descriptor, at its offset, not opened anew
      java.io.FileOutputStream stdout = new java.io.FileOutputStream(java.io.FileDescriptor.out);
      try {
        OutputStream out = new java.io.BufferedOutputStream(stdout, 1 << 16);
        content.writeTo(out);
        out.flush();
      } catch (IOException | java.io.UncheckedIOException e) {
        // a reader that stopped early (| head): what it took is what it wanted, as with any command's output
        if (!brokenPipe(e)) {
          throw e;
        }
      }
      return target;
    }
    if ((target.startsWith("/dev") || target.startsWith("/proc")) && Files.exists(target)
        && (Files.isSymbolicLink(target) || !Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
      // /dev/stderr, /dev/fd/3 and their kin: whatever the shell connected (a pipe, a terminal, a file opened with >
      // or >>) is written through, appended, as a program writing to it would; replacing it would unlink a file. A
      // plain file that lives there (/dev/shm) is a file like any other.
      try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.WRITE,
          java.nio.file.StandardOpenOption.APPEND)) {
        content.writeTo(out);
      }
      return target;
    }
    if (Files.isSymbolicLink(target)) {
      // the file the link names is what the user means; moving the export into place would replace the link
      if (!Files.exists(target)) {
        throw new InputException("-o " + file + " is a link to " + Files.readSymbolicLink(target)
            + ", which does not exist; name that file, or remove the link");
      }
      target = target.toRealPath();
    }
    if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
      // a named pipe or a device: written through as it is, since it cannot be replaced whole
      try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      return target;
    }
    Path dir = target.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new InputException("-o " + file + ": the folder " + dir + " does not exist");
    }
    if (Files.isDirectory(target)) {
      throw new InputException("-o " + file + " is a folder; give the name of the file to write in it");
    }
    refuseProject(target, file);
    // a plain new file, so that it gets the permissions any file made here gets
    Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      try (OutputStream out = Files.newOutputStream(Files.createFile(partial))) {
        content.writeTo(out);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("could not create a temporary file beside " + target, e);
    } finally {
      Files.deleteIfExists(partial);
    }
    return target;
  }

  private static boolean brokenPipe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} is this process's standard output (/dev/stdout, /dev/fd/1, /proc/self/fd/1). */
  static boolean isStandardOutput(Path path) {
    Path stdout = Path.of("/proc/self/fd/1");
    try {
      return (path.startsWith("/dev") || path.startsWith("/proc")) && Files.exists(stdout)
          && Files.isSameFile(path, stdout);
    } catch (IOException e) {
      return false;
    }
  }

  /** Where a command says what it wrote: not into the export when the export goes to standard output. */
  static java.io.PrintWriter messages(picocli.CommandLine.Model.CommandSpec spec, Path written) {
    return isStandardOutput(written) ? spec.commandLine().getErr() : spec.commandLine().getOut();
  }

  private static void refuseProject(Path target, Path given) throws IOException {
    if (!Files.isRegularFile(target)) {
      return;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(target)) {
      head = in.readNBytes(SQLITE.length);
    }
    if (Arrays.equals(head, SQLITE)) {
      throw new InputException("-o " + given + " is a project (or another database); an export must not "
          + "overwrite it. Choose another file name.");
    }
  }
}
