package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {

  @Test
  void writesTheDriversLibraryForThisPlatformByteForByte(@TempDir Path dir) throws Exception {
    Path file = SqliteNativeLibrary.extractTo(dir.resolve("native")).orElseThrow();
    assertThat(file.getFileName().toString()).isEqualTo(LibraryLoaderUtil.getNativeLibName());
    try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
      assertThat(Files.readAllBytes(file)).isNotEmpty().isEqualTo(in.readAllBytes());
    }
    // a second time over the first copy
    assertThat(SqliteNativeLibrary.extractTo(dir.resolve("native"))).contains(file);
  }
}
