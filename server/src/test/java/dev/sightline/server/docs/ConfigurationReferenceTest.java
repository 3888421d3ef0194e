package dev.sightline.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every setting the code reads, and only those. The code's settings are
 * the SIGHTLINE_* names in string literals of every module's main Java sources and the variables
 * its launcher scripts expand, plus the few other names of {@link #OTHER_SETTINGS} where the code
 * reads them; the page's are the names in backticks in the first cell of its table rows.
 */
class ConfigurationReferenceTest {
  /** Settings without the SIGHTLINE_ prefix: conventional variables and JVM properties. */
  static final List<String> OTHER_SETTINGS =
      List.of(
          "HTTPS_PROXY",
          "HTTP_PROXY",
          "NO_PROXY",
          "BENCH_JAVA_OPTS",
          "JAVA_HOME",
          "sightline.root");

  /** SIGHTLINE_* literals that are no setting. */
  static final Set<String> NOT_SETTINGS = Set.of("SIGHTLINE_SESSION"); // the session cookie's name

  /** Build tools' scripts: they read their own settings (JAVA_HOME, MAVEN_*), not Sightline's. */
  static final Set<String> WRAPPERS = Set.of("mvnw");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern SETTING = Pattern.compile("SIGHTLINE_[A-Z0-9_]*[A-Z0-9]");
  private static final Pattern EXPANDED = Pattern.compile("\\$\\{?(SIGHTLINE_[A-Z0-9_]*[A-Z0-9])");
  private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|([^|\\n]*)\\|");
  private static final Pattern IN_BACKTICKS = Pattern.compile("`([^`]+)`");

  @Test
  void shouldListExactlyTheSettingsTheCodeReads() throws IOException {
    Path root = projectRoot();
    Set<String> read = readByTheCode(root);
    Set<String> listed = listedOnThePage(root.resolve("docs/configuration.md"));

    Set<String> missing = new TreeSet<>(read);
    missing.removeAll(listed);
    Set<String> extra = new TreeSet<>(listed);
    extra.removeAll(read);

    assertThat(read).as("the scan finds the settings").contains("SIGHTLINE_DATA_DIR");
    assertThat(missing)
        .as(
            "settings the code reads that docs/configuration.md does not list (add a row: name,"
                + " default, meaning)")
        .isEmpty();
    assertThat(extra)
        .as(
            "settings docs/configuration.md lists that no code reads any more (remove the row,"
                + " or add a name without the SIGHTLINE_ prefix to OTHER_SETTINGS)")
        .isEmpty();
  }

  @Test
  void shouldFindSettingsInLiteralsAndScriptsOnly() {
    assertThat(settingsInJava("String a = \"SIGHTLINE_X_Y\"; // SIGHTLINE_IN_COMMENT"))
        .containsExactly("SIGHTLINE_X_Y");
    assertThat(settingsInJava("env.get(\"set SIGHTLINE_A or SIGHTLINE_B_\")"))
        .containsExactly("SIGHTLINE_A", "SIGHTLINE_B");
    assertThat(
            settingsInScript(
                "# SIGHTLINE_COMMENTED\nexec java ${SIGHTLINE_JAVA_OPTS:-} $SIGHTLINE_Z"))
        .containsExactly("SIGHTLINE_JAVA_OPTS", "SIGHTLINE_Z");
  }

  static Set<String> readByTheCode(Path root) throws IOException {
    Set<String> names = new TreeSet<>();
    List<Path> files = new java.util.ArrayList<>();
    // Hidden directories (.git, a data directory's PostgreSQL) and build output are no sources.
    Files.walkFileTree(
        root,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(
              Path d, java.nio.file.attribute.BasicFileAttributes a) {
            String name = d.getFileName() == null ? "" : d.getFileName().toString();
            return !d.equals(root)
                    && (name.startsWith(".")
                        || name.equals("target")
                        || name.equals("node_modules"))
                ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                : java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path f, java.nio.file.attribute.BasicFileAttributes a) {
            if (a.isRegularFile()) {
              files.add(f);
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    for (Path file : files) {
      String path = root.relativize(file).toString();
      if (path.endsWith(".java") && path.contains("src/main/java/")) {
        String code = Files.readString(file);
        names.addAll(settingsInJava(code));
        names.addAll(others(literals(code)));
      } else if (isScript(file) && !path.contains("src/test/") && !WRAPPERS.contains(path)) {
        String script = Files.readString(file);
        names.addAll(settingsInScript(script));
        names.addAll(others(withoutShellComments(script)));
      }
    }
    names.removeAll(NOT_SETTINGS);
    return names;
  }

  static Set<String> settingsInJava(String code) {
    Set<String> names = new TreeSet<>();
    Matcher m = SETTING.matcher(literals(code));
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  static Set<String> settingsInScript(String script) {
    Set<String> names = new TreeSet<>();
    Matcher m = EXPANDED.matcher(withoutShellComments(script));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String literals(String code) {
    StringBuilder all = new StringBuilder();
    Matcher m = STRING_LITERAL.matcher(code.replaceAll("(?m)//[^\"\\n]*$", ""));
    while (m.find()) {
      all.append(m.group(1)).append('\n');
    }
    return all.toString();
  }

  private static Set<String> others(String text) {
    Set<String> names = new TreeSet<>();
    for (String name : OTHER_SETTINGS) {
      if (Pattern.compile(
              "(?<![A-Za-z0-9_.])" + Pattern.quote(name) + "(?![A-Za-z0-9_])",
              Pattern.CASE_INSENSITIVE)
          .matcher(text)
          .find()) {
        names.add(name);
      }
    }
    return names;
  }

  private static String withoutShellComments(String script) {
    return script.replaceAll("(?m)^\\s*#.*$", "");
  }

  private static boolean isScript(Path file) throws IOException {
    if (Files.size(file) > 200_000) {
      return false;
    }
    byte[] head = new byte[2];
    try (var in = Files.newInputStream(file)) {
      return in.read(head) == 2 && head[0] == '#' && head[1] == '!';
    }
  }

  static Set<String> listedOnThePage(Path page) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher row = TABLE_ROW.matcher(Files.readString(page));
    while (row.find()) {
      Matcher name = IN_BACKTICKS.matcher(row.group(1));
      while (name.find()) {
        names.add(name.group(1).trim());
      }
    }
    return names;
  }

  private static Path projectRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docs/configuration.md"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no docs/configuration.md above " + Path.of("").toAbsolutePath());
  }
}
