package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ManufacturersTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Dell Inc.                              | dell
      LENOVO                                 | lenovo
      Hewlett-Packard                        | hp
      HP                                     | hp
      HP Inc.                                | hp
      HPE                                    | hp
      Hewlett Packard Enterprise             | hp
      Microsoft Corporation                  | microsoft
      'VMware, Inc.'                         | vmware
      innotek GmbH                           | virtualbox
      Oracle Corporation                     | oracle
      Amazon EC2                             | amazon
      Xen                                    | xen
      American Megatrends Inc.               | american megatrends
      QEMU                                   | qemu
      Red Hat                                | redhat
      Google                                 | google
      Parallels Software International Inc. | parallels
      Apple Inc.                             | apple
      ASUSTeK COMPUTER INC.                  | asus
      'Gigabyte Technology Co., Ltd.'        | gigabyte
      'Micro-Star International Co., Ltd.'   | msi
      'Super Micro Computer, Inc.'           | supermicro
      FUJITSU                                | fujitsu
      Acme Widgets LLC                       | acme widgets
      """)
  void shouldNameEachMakerOneWay(String raw, String expected) {
    assertThat(Manufacturers.canonical(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "To Be Filled By O.E.M.",
        "System manufacturer",
        "Default string",
        "OEM",
        "Not Specified",
        "Unknown",
        "N/A",
        "..."
      })
  void shouldRefusePlaceholderManufacturers(String raw) {
    assertThat(Manufacturers.canonical(raw)).isEmpty();
  }

  @Test
  void shouldTreatEveryHpSpellingAsOneMaker() {
    // A ProLiant reports "HP" before a firmware update and "HPE" after; the serial stays.
    assertThat(Manufacturers.canonical("HP")).isEqualTo(Manufacturers.canonical("HPE"));
  }
}
