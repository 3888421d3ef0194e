package dev.sightline.platform.normalize;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hardware manufacturers as one short lower-case word, because the serial-number rule compares
 * serial + manufacturer and vendors spell the same maker differently ("Dell Inc." in SMBIOS, "Dell"
 * in a CMDB, "Microsoft Corporation" for Hyper-V and Azure VMs in the CrowdStrike sample).
 *
 * <p>Steps: lower-case; punctuation other than "-", "&amp;" and "+" becomes a space; trailing legal
 * forms ("inc", "corp", "corporation", "co", "ltd", "llc", "gmbh", "ag", "sa" …) are dropped; the
 * rest is looked up in {@link #ALIASES} by its letters and digits; unknown makers keep the cleaned
 * words ("American Megatrends Inc." → "american megatrends").
 *
 * <p>Decisions: every HP spelling — "Hewlett-Packard", "HP", "HP Inc.", "HPE", "Hewlett Packard
 * Enterprise" — is "hp". The 2015 split did not start a new serial namespace, and ProLiant firmware
 * changed its SMBIOS maker from "HP" to "HPE", so two spellings can name one server; merging them
 * cannot cause a false merge because the serial must match as well. "innotek GmbH" (the maker
 * string of VirtualBox VMs) is "virtualbox", which is what users recognise; "Oracle Corporation"
 * stays "oracle" (physical Oracle servers use it too). "Amazon EC2" is "amazon".
 */
public final class Manufacturers {
  /**
   * Values firmware leaves when the maker was never set. Sources: glpi-project/glpi {@code
   * src/Blacklist.php} {@code getDefaults()} ("System manufacturer"); AMI firmware defaults ("To Be
   * Filled By O.E.M.", "Default string"); the usual "not set" spellings.
   */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "SYSTEMMANUFACTURER",
          "TOBEFILLEDBYOEM",
          "DEFAULTSTRING",
          "OEM",
          "NOTSPECIFIED",
          "NOTAPPLICABLE",
          "NOTAVAILABLE",
          "UNKNOWN",
          "UNKNOW",
          "NA",
          "NONE",
          "NULL",
          "EMPTY",
          "MANUFACTURER",
          "SYSTEMMANUFACTURERNAME",
          "INVALID");

  /** Compact spelling (letters and digits after legal forms are dropped) → canonical maker. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("DELL", "dell"),
          Map.entry("DELLCOMPUTER", "dell"),
          Map.entry("LENOVO", "lenovo"),
          Map.entry("HP", "hp"),
          Map.entry("HEWLETTPACKARD", "hp"),
          Map.entry("HPE", "hp"),
          Map.entry("HEWLETTPACKARDENTERPRISE", "hp"),
          Map.entry("MICROSOFT", "microsoft"),
          Map.entry("VMWARE", "vmware"),
          Map.entry("INNOTEK", "virtualbox"),
          Map.entry("VIRTUALBOX", "virtualbox"),
          Map.entry("ORACLE", "oracle"),
          Map.entry("AMAZON", "amazon"),
          Map.entry("AMAZONEC2", "amazon"),
          Map.entry("AMAZONWEBSERVICES", "amazon"),
          Map.entry("AWS", "amazon"),
          Map.entry("GOOGLE", "google"),
          Map.entry("GOOGLECOMPUTEENGINE", "google"),
          Map.entry("XEN", "xen"),
          Map.entry("QEMU", "qemu"),
          Map.entry("BOCHS", "bochs"),
          Map.entry("REDHAT", "redhat"),
          Map.entry("NUTANIX", "nutanix"),
          Map.entry("PARALLELS", "parallels"),
          Map.entry("PARALLELSSOFTWAREINTERNATIONAL", "parallels"),
          Map.entry("PARALLELSINTERNATIONAL", "parallels"),
          Map.entry("APPLE", "apple"),
          Map.entry("ASUS", "asus"),
          Map.entry("ASUSTEK", "asus"),
          Map.entry("ASUSTEKCOMPUTER", "asus"),
          Map.entry("ASROCK", "asrock"),
          Map.entry("GIGABYTE", "gigabyte"),
          Map.entry("GIGABYTETECHNOLOGY", "gigabyte"),
          Map.entry("MSI", "msi"),
          Map.entry("MICROSTARINTERNATIONAL", "msi"),
          Map.entry("SUPERMICRO", "supermicro"),
          Map.entry("SUPERMICROCOMPUTER", "supermicro"),
          Map.entry("FUJITSU", "fujitsu"),
          Map.entry("FUJITSUSIEMENS", "fujitsu"),
          Map.entry("FUJITSUCLIENTCOMPUTING", "fujitsu"),
          Map.entry("ACER", "acer"),
          Map.entry("TOSHIBA", "toshiba"),
          Map.entry("INTEL", "intel"),
          Map.entry("SAMSUNG", "samsung"),
          Map.entry("SAMSUNGELECTRONICS", "samsung"),
          Map.entry("IBM", "ibm"),
          Map.entry("CISCO", "cisco"),
          Map.entry("CISCOSYSTEMS", "cisco"),
          Map.entry("ALIBABACLOUD", "alibaba"),
          Map.entry("DIGITALOCEAN", "digitalocean"),
          Map.entry("OPENSTACKFOUNDATION", "openstack"));

  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "co",
          "company",
          "ltd",
          "limited",
          "llc",
          "gmbh",
          "ag",
          "sa",
          "srl",
          "bv",
          "nv",
          "plc",
          "kk",
          "pty");

  private static final Pattern PUNCTUATION = Pattern.compile("[^a-z0-9&+\\- ]");
  private static final Pattern SPACES = Pattern.compile(" +");

  private Manufacturers() {}

  public static Optional<String> canonical(String raw) {
    Optional<String> cleaned = RawText.clean(raw).map(RawText::lower);
    if (cleaned.isEmpty() || PLACEHOLDERS.contains(RawText.compactKey(cleaned.get()))) {
      return Optional.empty();
    }
    String punctuationFree = PUNCTUATION.matcher(cleaned.get()).replaceAll(" ");
    String words = SPACES.matcher(punctuationFree).replaceAll(" ").strip();
    String withoutLegalForm = dropLegalForms(words);
    if (withoutLegalForm.isEmpty()) {
      return Optional.empty();
    }
    String alias = ALIASES.get(RawText.compactKey(withoutLegalForm));
    return Optional.of(alias != null ? alias : withoutLegalForm);
  }

  private static String dropLegalForms(String words) {
    String[] parts = words.split(" ");
    int end = parts.length;
    while (end > 1 && LEGAL_FORMS.contains(parts[end - 1])) {
      end--;
    }
    return String.join(" ", Arrays.copyOfRange(parts, 0, end)).strip();
  }
}
