package org.lacrima.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.lacrima.core.InputException;

/**
 * Files the user names for import, when they cannot be read at all. The JDK's exceptions carry the
 * file name as their message, which the user has already been told; this says what went wrong.
 */
public final class InputFiles {

  private InputFiles() {
  }

  /**
   * The bytes of a regular file of at most {@code maxBytes}, read without trusting the size the file
   * system reports: a device (/dev/zero behind a link) reports 0 and never ends, and a pipe would
   * block the command.
   *
   * @param what what such files are, for the message ("transcripts", "CSV files")
   */
  public static byte[] readAtMost(Path file, long maxBytes, String what) {
    String source = file.toString();
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new InputException(source, "", Files.isDirectory(file) ? "is a folder, not a file"
          : "is not a regular file but a device or a pipe, which Lacrima does not read");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw cannotBeRead(source, e);
    }
    if (bytes.length > maxBytes) {
      throw new InputException(source, "", "is larger than " + maxBytes / (1024 * 1024) + " MB; " + what
          + " that large are refused");
    }
    return bytes;
  }

  /**
   * A text file a person wrote (a category's fields, a system to upgrade to) as UTF-8, whatever encoding it came in
   * that Lacrima tells apart (UTF-16 from a Windows editor, Windows-1252), refused with the reason otherwise: a parser
   * reading the bytes as UTF-8 would say only "invalid start byte".
   */
  public static java.io.InputStream asUtf8(Path file, long maxBytes, String what) {
    byte[] bytes = readAtMost(file, maxBytes, what);
    String text = org.lacrima.io.transcript.TextDecoding.decodeAsWritten(bytes, file.toString()).text();
    return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
