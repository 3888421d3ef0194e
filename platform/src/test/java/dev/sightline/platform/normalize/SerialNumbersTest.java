package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumbersTest {

  /** Real serials, as vendors send them, and the one spelling they become. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # samples/crowdstrike serial_number: AWS EC2, Azure / Hyper-V; a VMware VM's SMBIOS serial
      ec2f4f49-ae44-b65e-f660-d83819066736                    | EC2F4F49-AE44-B65E-F660-D83819066736
      0000-0004-3449-1529-1657-8152-51                        | 0000-0004-3449-1529-1657-8152-51
      VMware-42 1a 2b 3c 4d 5e 6f 70-81 92 a3 b4 c5 d6 e7 f8  | VMWARE-42 1A 2B 3C 4D 5E 6F 70-81 92 A3 B4 C5 D6 E7 F8
      # HP, Lenovo, Apple spellings
      '  cz1234abcd  '                                        | CZ1234ABCD
      5CG1234XYZ                                              | 5CG1234XYZ
      PF2ABCDE                                                | PF2ABCDE
      C02XL0GXJGH5                                            | C02XL0GXJGH5
      'Parallels-12 34 56 78  9a bc'                          | PARALLELS-12 34 56 78 9A BC
      ABCD                                                    | ABCD
      """)
  void shouldKeepRealSerials(String raw, String expected) {
    assertThat(SerialNumbers.strong(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "To Be Filled By O.E.M.",
        "To be filled by O.E.M",
        "TO BE FILLED BY OEM",
        "Default string",
        "Default_string",
        "System Serial Number",
        "Not Specified",
        "None",
        "N/A",
        "0",
        "00000000",
        "123456789",
        "0123456789",
        "1234567890",
        "12345678901234567",
        "9876543210",
        "Chassis Serial Number",
        "Base Board Serial Number",
        "INVALID",
        "Not Available",
        "Not Applicable",
        "Unknown",
        "XXXXXXXXXXX",
        "1111",
        "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
        "03000200-0400-0500-0006-000700080009",
        "MB-1234567890",
        "SYS-1234567890",
        "SN-12345",
        "Type1 - TBD by OEM",
        "OEM_Serial",
        "SystemSerialNumb",
        "empty",
        "(null string)",
        "ABC",
        "A-1",
        "1.0",
        "2.3.1",
        "0000-0000-0000"
      })
  void shouldRefusePlaceholderSerials(String raw) {
    assertThat(SerialNumbers.strong(raw)).isEmpty();
  }

  @Test
  void shouldCompareVendorSpellingsEqual() {
    assertThat(SerialNumbers.strong(" 5cg1234xyz")).isEqualTo(SerialNumbers.strong("5CG1234XYZ "));
  }
}
