package dev.sightline.server.console;

/**
 * Where to go after signing in: a page of this console only, so that a crafted link cannot send a
 * person who just signed in to another site.
 */
final class SafeNext {
  private SafeNext() {}

  static String of(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.startsWith("/api/")
        || next.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
      return "/";
    }
    return next;
  }
}
