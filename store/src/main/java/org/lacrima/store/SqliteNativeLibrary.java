package org.lacrima.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, as the JDBC driver carries it for this platform. The driver writes it to a temporary
 * file and reads it back to compare in every process that opens a project, a tenth of a second of every command;
 * the launcher has it written once to a folder it then names to the driver ({@code org.sqlite.lib.path}), which
 * falls back to its own way where that copy does not load.
 */
public final class SqliteNativeLibrary {

  private SqliteNativeLibrary() {
  }

  /** Writes the library into {@code folder}; empty where the driver carries none for this platform. */
  public static Optional<Path> extractTo(Path folder) throws IOException {
    String name = LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Files.createDirectories(folder);
      Path file = folder.resolve(name);
      // written beside and moved into place: a process loading the library meanwhile sees the old file or the
      // new one, never half of one (a truncated library crashes the JVM that loads it)
      Path partial = Files.createTempFile(folder, name, ".partial");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return Optional.of(file);
    }
  }
}
