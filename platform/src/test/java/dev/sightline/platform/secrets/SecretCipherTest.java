package dev.sightline.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private final SecretCipher cipher = new SecretCipher(new byte[32]);

  @Test
  void shouldOpenWhatItSealed() {
    byte[] sealed = cipher.seal("s3cr3t", "connector-1");
    assertThat(cipher.open(sealed, "connector-1")).isEqualTo("s3cr3t");
  }

  @Test
  void shouldNotContainThePlaintext() {
    byte[] sealed = cipher.seal("s3cr3t-value", "c");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
  }

  @Test
  void shouldUseAFreshNonceEachTime() {
    assertThat(cipher.seal("x", "c")).isNotEqualTo(cipher.seal("x", "c"));
  }

  @Test
  void shouldRefuseASecretMovedToAnotherConnector() {
    byte[] sealed = cipher.seal("s3cr3t", "connector-1");
    assertThatThrownBy(() -> cipher.open(sealed, "connector-2"))
        .isInstanceOf(SecretCipher.SecretUnreadableException.class)
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void shouldRefuseAnotherKey() {
    byte[] other = new byte[32];
    other[0] = 1;
    byte[] sealed = cipher.seal("s3cr3t", "c");
    assertThatThrownBy(() -> new SecretCipher(other).open(sealed, "c"))
        .hasMessageContaining("master key");
  }

  @Test
  void shouldRejectAShortKey() {
    assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes");
  }

  @Test
  void shouldFingerprintEqualTextsAlikeAndOthersApart() {
    assertThat(cipher.fingerprint("type|url|secret"))
        .isEqualTo(cipher.fingerprint("type|url|secret"));
    assertThat(cipher.fingerprint("type|url|secret"))
        .isNotEqualTo(cipher.fingerprint("type|url|secret2"));
  }

  @Test
  void shouldFingerprintUnderTheMasterKeyNotAsAPlainHash() throws Exception {
    byte[] other = new byte[32];
    other[0] = 1;
    String text = "s3cr3t";
    String plain =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(cipher.fingerprint(text))
        .doesNotContain(text)
        .isNotEqualTo(plain)
        .isNotEqualTo(new SecretCipher(other).fingerprint(text));
  }
}
