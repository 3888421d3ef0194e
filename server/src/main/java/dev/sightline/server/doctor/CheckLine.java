package dev.sightline.server.doctor;

/**
 * One line of {@code sightline doctor}: what was checked, what was found and, on a failure, what to
 * do.
 *
 * @param name what was checked ("database", "connector eu-falcon", ...)
 * @param ok whether it holds
 * @param detail what was found; never a secret
 * @param fix what to do about a failure; "" when it holds
 */
public record CheckLine(String name, boolean ok, String detail, String fix) {

  public static CheckLine ok(String name, String detail) {
    return new CheckLine(name, true, detail, "");
  }

  public static CheckLine failed(String name, String detail, String fix) {
    return new CheckLine(name, false, detail, fix);
  }

  /** {@code ✓ name: detail} or {@code ✗ name: detail — fix: ...}. */
  public String render() {
    return (ok ? "✓ " : "✗ ")
        + name
        + ": "
        + detail
        + (ok || fix.isEmpty() ? "" : " — fix: " + fix);
  }
}
