package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every normalizer keeps: bad input gives empty, never null, never an exception. */
class NormalizationContractTest {
  private static final List<Function<String, Object>> NORMALIZERS =
      List.of(
          raw -> HostNames.parse(raw, raw),
          Domains::canonical,
          MacAddresses::parse,
          IpAddresses::parse,
          SerialNumbers::strong,
          Manufacturers::canonical,
          raw -> OperatingSystems.normalize(raw, raw),
          AssetTypes::canonical,
          Severities::fromVendorWord,
          Timestamps::utc);

  static Stream<String> hostileInput() {
    return Stream.of(
        null,
        "",
        " ",
        "\u0000",
        "\u00A0",
        "\t\n",
        ".",
        "..",
        ":",
        "::",
        "-",
        "\\",
        "$",
        "[]",
        "%",
        "/",
        "(",
        ")",
        "\uD83D\uDE00",
        "İ",
        "ı",
        "a".repeat(10_000),
        "9".repeat(400),
        "1".repeat(19),
        "-0",
        "0x1F",
        "NaN",
        "Infinity",
        "[::1]:%",
        "AGENT_OS_",
        "SEV__",
        "ENUM.",
        "Windows Server R2",
        "macOS (",
        "ip-",
        "ip-1.2.3.4.",
        "CORP\\\\",
        "a\\b\\c",
        "Windows 10 build 999999999999",
        "10.0.99999999999",
        "2023-02-30T00:00:00Z",
        "+",
        "1.",
        ".1",
        "0.0.0.0/",
        "::/129");
  }

  @ParameterizedTest
  @MethodSource("hostileInput")
  void shouldAnswerHostileInputWithoutThrowingOrNull(String raw) {
    for (Function<String, Object> normalizer : NORMALIZERS) {
      assertThat(normalizer.apply(raw)).isNotNull();
    }
  }

  @Test
  void shouldKeepNoMutableStaticState() {
    List<Class<?>> classes =
        List.of(
            HostName.class,
            HostNames.class,
            Domains.class,
            Mac.class,
            MacAddresses.class,
            KnownMacs.class,
            Ip.class,
            IpAddresses.class,
            SpecialRanges.class,
            SerialNumbers.class,
            Manufacturers.class,
            OperatingSystem.class,
            OperatingSystems.class,
            WindowsReleases.class,
            MacOsReleases.class,
            OsProducts.class,
            AssetTypes.class,
            Severities.class,
            Timestamps.class,
            RawText.class);
    for (Class<?> type : classes) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          assertThat(Modifier.isFinal(field.getModifiers()))
              .as(type.getSimpleName() + "." + field.getName() + " is final")
              .isTrue();
          assertThat(field.getType().isArray())
              .as(type.getSimpleName() + "." + field.getName() + " is not a mutable array")
              .isFalse();
        }
      }
    }
  }

  @Test
  void shouldRefuseRecordsThatContradictThemselves() {
    assertThatThrownBy(() -> new Mac("00:50:56:00:00:01", true, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ip("10.0.0.1", 5, false, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OperatingSystem("Windows 11", Optional.empty(), "Win"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HostName(" ", Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
