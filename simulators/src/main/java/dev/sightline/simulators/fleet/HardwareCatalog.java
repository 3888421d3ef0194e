package dev.sightline.simulators.fleet;

import java.util.Locale;

/** Makers, models, serial formats and firmware strings as real inventories show them. */
final class HardwareCatalog {
  private static final String UPPER_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  private static final String DIGITS = "0123456789";

  private HardwareCatalog() {}

  static Hardware draw(MachineProfile p, SeededDraws d) {
    return switch (p.deployment()) {
      case WHITEBOX -> whitebox(d);
      case VMWARE -> vmware(d);
      case HYPERV -> hyperV(d);
      case AWS -> aws(d);
      case AZURE -> azure(d);
      case GCP -> gcp(d);
      case PHYSICAL -> physical(p, d);
    };
  }

  private static Hardware physical(MachineProfile p, SeededDraws d) {
    if (p.family() == OsFamily.MAC) {
      String model =
          p.formFactor() == FormFactor.LAPTOP
              ? d.pick("MacBookPro18,3", "MacBookPro14,7", "MacBookAir10,1", "Mac15,3")
              : d.pick("Macmini9,1", "iMac21,1", "Mac13,1");
      String serial = d.chance(0.5) ? "C02" + d.chars(9, UPPER_ALNUM) : d.chars(10, UPPER_ALNUM);
      return new Hardware(
          "Apple Inc.",
          model,
          serial,
          "Apple Inc.",
          d.between(1900, 2100)
              + ".100.22.0.0 (iBridge: 21.16."
              + d.between(1000, 5000)
              + ".0.0,0)",
          p.formFactor());
    }
    if (p.formFactor() == FormFactor.SERVER) {
      return switch (d.nextInt(3)) {
        case 0 ->
            new Hardware(
                "Dell Inc.",
                d.pick("PowerEdge R650", "PowerEdge R740", "PowerEdge R750"),
                d.chars(7, UPPER_ALNUM),
                "Dell Inc.",
                "2." + d.between(10, 19) + "." + d.between(0, 9),
                p.formFactor());
        case 1 ->
            new Hardware(
                "HPE",
                d.pick("ProLiant DL380 Gen10", "ProLiant DL360 Gen10 Plus"),
                "CZJ" + d.chars(7, UPPER_ALNUM),
                "HPE",
                "U30 v2." + d.between(40, 90),
                p.formFactor());
        default ->
            new Hardware(
                "Lenovo",
                "ThinkSystem SR650 -[7X06CTO1WW]-",
                "J30" + d.chars(5, UPPER_ALNUM),
                "Lenovo",
                "IVE1" + d.between(40, 80) + "O-" + d.between(2, 3) + ".10",
                p.formFactor());
      };
    }
    boolean laptop = p.formFactor() == FormFactor.LAPTOP;
    return switch (d.nextInt(3)) {
      case 0 ->
          new Hardware(
              "Dell Inc.",
              laptop
                  ? d.pick("Latitude 5440", "Latitude 7430", "Precision 5570")
                  : d.pick("OptiPlex 7010", "OptiPlex 5090"),
              d.chars(7, UPPER_ALNUM),
              "Dell Inc.",
              "1." + d.between(5, 28) + ".0",
              p.formFactor());
      case 1 ->
          new Hardware(
              "LENOVO",
              laptop
                  ? d.pick("21AH00BSUS", "20XW0026US", "21HD003LUS")
                  : d.pick("11T3002GUS", "12E30019US"),
              "PF" + d.chars(6, UPPER_ALNUM),
              "LENOVO",
              "N3"
                  + d.chars(2, "ABCDEFGHJK")
                  + d.between(10, 99)
                  + "W (1."
                  + d.between(10, 60)
                  + " )",
              p.formFactor());
      default ->
          new Hardware(
              "HP",
              laptop
                  ? d.pick("HP EliteBook 840 G9 Notebook PC", "HP ProBook 450 G8")
                  : "HP EliteDesk 800 G6 Desktop Mini PC",
              "5CG" + d.chars(4, DIGITS) + d.chars(3, UPPER_ALNUM),
              "HP",
              "U"
                  + d.between(20, 90)
                  + " Ver. 01."
                  + String.format(Locale.ROOT, "%02d", d.between(1, 15))
                  + ".00",
              p.formFactor());
    };
  }

  private static Hardware whitebox(SeededDraws d) {
    // Unbranded boards leave the SMBIOS strings at the vendor default: serials that are not unique.
    String placeholder =
        d.pick(
            "To Be Filled By O.E.M.",
            "To Be Filled By O.E.M.",
            "Default string",
            "System Serial Number");
    String maker =
        placeholder.equals("Default string") ? "Default string" : "To Be Filled By O.E.M.";
    return new Hardware(
        maker,
        maker,
        placeholder,
        "American Megatrends Inc.",
        "P" + d.between(1, 4) + "." + d.between(10, 90),
        FormFactor.DESKTOP);
  }

  private static Hardware vmware(SeededDraws d) {
    StringBuilder serial = new StringBuilder("VMware-42");
    for (int i = 1; i < 16; i++) {
      serial.append(i == 8 ? '-' : ' ').append(d.hex(2));
    }
    boolean legacy = d.chance(0.3);
    return new Hardware(
        "VMware, Inc.",
        legacy ? "VMware Virtual Platform" : "VMware7,1",
        serial.toString(),
        legacy ? "Phoenix Technologies LTD" : "VMware, Inc.",
        legacy ? "6.00" : "VMW71.00V." + d.between(16000000, 21999999) + ".B64.2301110304",
        FormFactor.VIRTUAL_MACHINE);
  }

  private static Hardware hyperV(SeededDraws d) {
    return new Hardware(
        "Microsoft Corporation",
        "Virtual Machine",
        hyperVSerial(d),
        "Microsoft Corporation",
        "Hyper-V UEFI Release v4.1",
        FormFactor.VIRTUAL_MACHINE);
  }

  private static Hardware azure(SeededDraws d) {
    return new Hardware(
        "Microsoft Corporation",
        "Virtual Machine",
        hyperVSerial(d),
        "Microsoft Corporation",
        "Hyper-V UEFI Release v4.1",
        FormFactor.VIRTUAL_MACHINE);
  }

  private static String hyperVSerial(SeededDraws d) {
    return "0000-00"
        + d.chars(2, DIGITS)
        + "-"
        + d.chars(4, DIGITS)
        + "-"
        + d.chars(4, DIGITS)
        + "-"
        + d.chars(4, DIGITS)
        + "-"
        + d.chars(4, DIGITS)
        + "-"
        + d.chars(2, DIGITS);
  }

  private static Hardware aws(SeededDraws d) {
    String serial =
        "ec2" + d.hex(5) + "-" + d.hex(4) + "-" + d.hex(4) + "-" + d.hex(4) + "-" + d.hex(12);
    if (d.chance(0.4)) {
      // Older Xen-based instance types report the hypervisor, as in the CrowdStrike devices sample.
      return new Hardware(
          "Xen", "HVM domU", serial, "Xen", "4.11.amazon", FormFactor.VIRTUAL_MACHINE);
    }
    return new Hardware(
        "Amazon EC2",
        d.pick("m5.xlarge", "t3.large", "c6i.2xlarge", "r6i.xlarge"),
        serial,
        "Amazon EC2",
        "1.0",
        FormFactor.VIRTUAL_MACHINE);
  }

  private static Hardware gcp(SeededDraws d) {
    return new Hardware(
        "Google",
        "Google Compute Engine",
        "GoogleCloud-" + d.hex(32).toUpperCase(Locale.ROOT),
        "Google",
        "Google",
        FormFactor.VIRTUAL_MACHINE);
  }
}
