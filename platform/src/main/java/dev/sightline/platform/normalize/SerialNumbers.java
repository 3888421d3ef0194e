package dev.sightline.platform.normalize;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hardware serial numbers that can identify a machine. Firmware ships placeholder serials, and if
 * one were used as a key every machine sharing it would collapse into one asset — the most
 * destructive false merge there is (research/risk-platforms.md §1.4: Qualys filters "placeholder
 * serials" before merging).
 *
 * <p>A serial is refused when, after upper-casing and dropping everything but letters and digits,
 * it is shorter than 4 characters, is on {@link #PLACEHOLDERS}, contains "TOBEFILLED" (all the "To
 * Be Filled By O.E.M." variants), is one character repeated ("00000000", "XXXXXXXXXXX",
 * "FFFFFFFF-FFFF-…"), is a run of consecutive digits ("1234", "0123456789", "9876543210",
 * "12345678901234567"), or when the whole value is a version number ("1.0", "2.3.1" — a BIOS
 * version written into the serial field).
 */
public final class SerialNumbers {
  /**
   * Placeholders, compared in compact form (letters and digits only, upper case). Sources:
   * glpi-project/glpi {@code src/Blacklist.php} {@code getDefaults()} (serials and UUIDs GLPI
   * refuses by default); the AMI Aptio / Insyde firmware defaults ("Default string", "To Be Filled
   * By O.E.M.", "System Serial Number", "Chassis Serial Number", "Base Board Serial Number", "Type1
   * - TBD by OEM") as they show up in SMBIOS dumps and in the Linux kernel's {@code dmi_system_id}
   * quirk tables; the "not set" spellings of WMI and dmidecode ("Not Specified", "Not Applicable",
   * "Not Available", "None", "INVALID"); the placeholder UUID 03000200-0400-0500-0006-000700080009
   * that some boards also put in the serial field.
   */
  static final Set<String> PLACEHOLDERS =
      Set.of(
          // GLPI defaults
          "NULLSTRING",
          "INVALID",
          "SYS1234567890",
          "SYS9876543210",
          "SN12345",
          "SN1234567890",
          "EVAL",
          "IATPASS",
          "NONE",
          "TULIPCOMPUTERS",
          "SERIALNUMBERXXXXXX",
          "SN123456FVGV3I0B8O5N6N7K",
          "UNKNOW",
          "SYSTEMSERIALNUMBER",
          "MB1234567890",
          "EMPTY",
          "NOTSPECIFIED",
          "OEMSERIAL",
          "SYSTEMSERIALNUMB",
          "123456789000",
          // firmware defaults
          "DEFAULTSTRING",
          "CHASSISSERIALNUMBER",
          "BASEBOARDSERIALNUMBER",
          "TYPE1TBDBYOEM",
          "TYPE2BOARDSERIALNUMBER",
          "0123456789ABCDEF",
          "03000200040005000006000700080009",
          // "not set" spellings
          "UNKNOWN",
          "NULL",
          "NOTAPPLICABLE",
          "NOTAVAILABLE",
          "NOTDEFINED",
          "DEFAULT",
          "SERIAL",
          "SERIALNUMBER",
          "NOSERIAL",
          "NOSERIALNUMBER",
          "NOASSETTAG",
          "UNDEFINED");

  private static final int MIN_LENGTH = 4;
  private static final String ASCENDING = "01234567890123456789012345678901234567890";
  private static final String DESCENDING = "98765432109876543210987654321098765432109";
  private static final Pattern VERSION = Pattern.compile("[vV]?\\d+(\\.\\d+){1,3}");

  private SerialNumbers() {}

  /**
   * Trimmed, inner blanks collapsed, upper-cased; empty for placeholders and the patterns in the
   * class comment. Separators are kept ("VMware-42 1a …" stays recognisable), so comparisons must
   * use this same form on both sides.
   */
  public static Optional<String> strong(String raw) {
    return RawText.clean(raw).map(RawText::upper).filter(SerialNumbers::isReal);
  }

  private static boolean isReal(String serial) {
    String key = RawText.compactKey(serial);
    return key.length() >= MIN_LENGTH
        && !PLACEHOLDERS.contains(key)
        && !key.contains("TOBEFILLED")
        && !isOneCharacterRepeated(key)
        && !isDigitRun(key)
        && !VERSION.matcher(serial).matches();
  }

  private static boolean isOneCharacterRepeated(String key) {
    return key.chars().allMatch(c -> c == key.charAt(0));
  }

  /** "1234", "0123456789", "12345678901234567", "9876543210": what people type when made to. */
  private static boolean isDigitRun(String key) {
    if (!key.chars().allMatch(Character::isDigit)) {
      return false;
    }
    char first = key.charAt(0);
    int start = ASCENDING.indexOf(first);
    boolean ascending = ASCENDING.startsWith(key, start);
    int down = DESCENDING.indexOf(first);
    boolean descending = DESCENDING.startsWith(key, down);
    return key.length() <= ASCENDING.length() && (ascending || descending);
  }
}
