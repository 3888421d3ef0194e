package dev.sightline.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

  @Test
  void shouldCreateAnOwnerOnlyKeyFileAndReuseIt(@TempDir Path dir) throws Exception {
    byte[] first = MasterKeys.resolve(Optional.empty(), dir);
    byte[] second = MasterKeys.resolve(Optional.empty(), dir);
    assertThat(first).hasSize(32).isEqualTo(second);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(MasterKeys.KEY_FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void shouldPreferTheEnvironmentKey(@TempDir Path dir) {
    byte[] key = new byte[32];
    key[5] = 9;
    String b64 = Base64.getEncoder().encodeToString(key);
    assertThat(MasterKeys.resolve(Optional.of(b64), dir)).isEqualTo(key);
    assertThat(dir.resolve(MasterKeys.KEY_FILE)).doesNotExist();
  }

  @Test
  void shouldStretchAPassphraseTo256Bits(@TempDir Path dir) {
    assertThat(MasterKeys.resolve(Optional.of("correct horse battery staple"), dir)).hasSize(32);
  }
}
