package org.lacrima.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.lacrima.core.InputException;

/**
 * Files the user names for import, when they cannot be read at all. The JDK's exceptions carry the
 * file name as their message, which the user has already been told; this says what went wrong.
 */
public final class InputFiles {

  private InputFiles() {
  }

  public static InputException cannotBeRead(String source, IOException e) {
    return new InputException(source, "", "cannot be read: " + reason(e), e);
  }

  private static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file";
      case AccessDeniedException denied -> "permission denied";
      case FileSystemException other when other.getReason() != null -> other.getReason();
      default -> e.getMessage() != null ? e.getMessage() : "the system reports an input/output error";
    };
  }
}
