package dev.sightline.simulators.fleet;

/** The first, cheap decisions about a machine; everything else is drawn from these. */
record MachineProfile(
    long index,
    MachineRole role,
    OsFamily family,
    Deployment deployment,
    FormFactor formFactor,
    Site site) {

  /** A place machines live; the second octet keeps each site in its own 10.x network. */
  record Site(String name, int secondOctet, String externalIp, boolean emea) {}

  static final Site[] OFFICES = {
    new Site("Default-First-Site-Name", 10, "203.0.113.10", false),
    new Site("Paris-HQ", 20, "203.0.113.20", true),
    new Site("Lyon", 30, "203.0.113.30", true),
    new Site("NewYork", 40, "198.51.100.40", false),
    new Site("Singapore", 50, "198.51.100.50", false),
  };
  static final Site DATACENTER = new Site("DC-East", 60, "198.51.100.60", false);

  /** Cloud machines: the AD site of a cloud estate is usually named after the provider. */
  static final Site AWS = new Site("AWS", 0, "", false);

  static final Site AZURE = new Site("Azure", 0, "", true);
  static final Site GCP = new Site("GCP", 0, "", false);

  static MachineProfile draw(long seed, long index) {
    SeededDraws d = new SeededDraws(StableHash.of(seed, index, Salts.PROFILE));
    if (index % 250 == 99) {
      // Trap: a whitebox PC with placeholder firmware strings, guaranteed in every 250 machines.
      return new MachineProfile(
          index,
          MachineRole.WORKSTATION,
          OsFamily.WINDOWS,
          Deployment.WHITEBOX,
          FormFactor.DESKTOP,
          d.pick(OFFICES));
    }
    int r = d.nextInt(100);
    MachineRole role =
        r < 78
            ? MachineRole.WORKSTATION
            : r < 97 ? MachineRole.SERVER : MachineRole.DOMAIN_CONTROLLER;
    OsFamily family = family(role, d);
    Deployment deployment = deployment(role, family, d);
    FormFactor form = formFactor(role, family, deployment, d);
    Site site =
        switch (deployment) {
          case AWS -> AWS;
          case AZURE -> AZURE;
          case GCP -> GCP;
          default -> role == MachineRole.WORKSTATION ? d.pick(OFFICES) : DATACENTER;
        };
    return new MachineProfile(index, role, family, deployment, form, site);
  }

  private static OsFamily family(MachineRole role, SeededDraws d) {
    int r = d.nextInt(100);
    return switch (role) {
      case WORKSTATION -> r < 72 ? OsFamily.WINDOWS : r < 92 ? OsFamily.MAC : OsFamily.LINUX;
      case SERVER -> r < 55 ? OsFamily.WINDOWS : OsFamily.LINUX;
      case DOMAIN_CONTROLLER -> OsFamily.WINDOWS;
    };
  }

  private static Deployment deployment(MachineRole role, OsFamily family, SeededDraws d) {
    int r = d.nextInt(100);
    if (role == MachineRole.WORKSTATION) {
      if (family != OsFamily.WINDOWS) {
        return Deployment.PHYSICAL;
      }
      return r < 94
          ? Deployment.PHYSICAL
          : r < 95 ? Deployment.WHITEBOX : r < 98 ? Deployment.VMWARE : Deployment.AZURE;
    }
    if (role == MachineRole.DOMAIN_CONTROLLER) {
      return r < 50
          ? Deployment.VMWARE
          : r < 80 ? Deployment.PHYSICAL : r < 90 ? Deployment.AZURE : Deployment.AWS;
    }
    if (r < 18) {
      return Deployment.AWS;
    }
    if (r < 28) {
      return Deployment.AZURE;
    }
    if (r < 33) {
      return Deployment.GCP;
    }
    if (r < 78) {
      return Deployment.VMWARE;
    }
    return r < 85 && family == OsFamily.WINDOWS ? Deployment.HYPERV : Deployment.PHYSICAL;
  }

  private static FormFactor formFactor(
      MachineRole role, OsFamily family, Deployment deployment, SeededDraws d) {
    if (deployment.virtualMachine()) {
      return FormFactor.VIRTUAL_MACHINE;
    }
    if (role != MachineRole.WORKSTATION) {
      return FormFactor.SERVER;
    }
    if (deployment == Deployment.WHITEBOX || family == OsFamily.LINUX) {
      return FormFactor.DESKTOP;
    }
    double laptopShare = family == OsFamily.MAC ? 0.85 : 0.65;
    return d.chance(laptopShare) ? FormFactor.LAPTOP : FormFactor.DESKTOP;
  }
}
