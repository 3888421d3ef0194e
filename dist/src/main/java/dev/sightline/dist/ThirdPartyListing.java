package dev.sightline.dist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes {@code THIRD-PARTY.txt} and {@code licenses/} for the release archive from what the
 * server's executable jar really bundles: each jar under {@code BOOT-INF/lib}, its coordinates and
 * licence as its own POM states them (or its parents' POMs in the local Maven repository, where a
 * project states it once for all its modules), and the licence and notice files it carries. A jar
 * that states no licence anywhere is listed as such rather than guessed.
 *
 * <p>Arguments: the executable jar, the local Maven repository, the output directory.
 */
public final class ThirdPartyListing {
  private static final String UNKNOWN = "licence not stated in the jar or its POMs";

  private final Path localRepository;

  /** "artifactId-version" to its POM in the local repository, for jars that carry no POM. */
  private final Map<String, Path> pomsByName = new HashMap<>();

  private ThirdPartyListing(Path localRepository) throws IOException {
    this.localRepository = localRepository;
    if (Files.isDirectory(localRepository)) {
      try (Stream<Path> files = Files.walk(localRepository)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".pom"))
            .forEach(
                f -> {
                  String n = f.getFileName().toString();
                  pomsByName.putIfAbsent(n.substring(0, n.length() - ".pom".length()), f);
                });
      }
    }
  }

  /** One bundled jar. */
  record Bundled(String jar, String coordinates, String name, String licence) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path out = Path.of(args[2]);
    new ThirdPartyListing(Path.of(args[1])).write(jar, out);
  }

  private void write(Path executableJar, Path out) throws Exception {
    Path licences = out.resolve("licenses");
    Files.createDirectories(licences);
    TreeMap<String, Bundled> bundled = new TreeMap<>();
    try (JarFile outer = new JarFile(executableJar.toFile())) {
      for (JarEntry entry : outer.stream().toList()) {
        String name = entry.getName();
        if (!name.startsWith("BOOT-INF/lib/") || !name.endsWith(".jar")) {
          continue;
        }
        String jarName = name.substring("BOOT-INF/lib/".length());
        try (InputStream in = outer.getInputStream(entry)) {
          bundled.put(jarName, read(jarName, in.readAllBytes(), licences));
        }
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("Third-party software bundled in lib/sightline-server.jar\n")
        .append("=========================================================\n\n")
        .append(
            "Each line: the jar, its Maven coordinates, and its licence as its POM states it.\n")
        .append("The licence and notice files the jars carry are in licenses/<jar>/.\n\n");
    for (Bundled b : bundled.values()) {
      text.append(b.jar())
          .append("  [")
          .append(b.coordinates())
          .append("]\n    ")
          .append(b.licence())
          .append("\n");
    }
    Files.writeString(out.resolve("THIRD-PARTY.txt"), text, StandardCharsets.UTF_8);
  }

  private Bundled read(String jarName, byte[] bytes, Path licences) throws Exception {
    Properties coordinates = new Properties();
    Optional<Document> pom = Optional.empty();
    Manifest manifest;
    String dirName = jarName.substring(0, jarName.length() - ".jar".length());
    try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes))) {
      manifest = jar.getManifest();
      for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
        String n = e.getName();
        if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")) {
          coordinates.load(new ByteArrayInputStream(jar.readAllBytes()));
        } else if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.xml")) {
          pom = Optional.of(parse(jar.readAllBytes()));
        } else if (isLicenceFile(n)) {
          Path target = licences.resolve(dirName).resolve(n.replace('/', '_'));
          Files.createDirectories(target.getParent());
          Files.write(target, jar.readAllBytes());
        }
      }
    }
    String coords =
        coordinates.isEmpty()
            ? "coordinates not stated"
            : coordinates.getProperty("groupId")
                + ":"
                + coordinates.getProperty("artifactId")
                + ":"
                + coordinates.getProperty("version");
    if (coordinates.getProperty("groupId", "").equals("dev.sightline")) {
      return new Bundled(jarName, coords, jarName, "Sightline itself (this project)");
    }
    if (pom.isEmpty()) {
      // Jars built with Gradle (Spring's, among others) carry no POM: their published one says.
      Path published = pomsByName.get(dirName);
      if (published != null) {
        pom = Optional.of(parse(Files.readAllBytes(published)));
        if (coordinates.isEmpty()) {
          Element root = pom.get().getDocumentElement();
          Element parent = child(root, "parent");
          String group = text(root, "groupId");
          String version = text(root, "version");
          if (parent != null) {
            group = group == null ? text(parent, "groupId") : group;
            version = version == null ? text(parent, "version") : version;
          }
          coords = group + ":" + text(root, "artifactId") + ":" + version;
        }
      }
    }
    String licence = pom.flatMap(this::licenceOf).orElse(null);
    if (licence == null && manifest != null) {
      String bundle = manifest.getMainAttributes().getValue("Bundle-License");
      licence = bundle == null ? null : bundle + " (from its manifest)";
    }
    return new Bundled(jarName, coords, jarName, licence == null ? UNKNOWN : licence);
  }

  private static boolean isLicenceFile(String entry) {
    String upper = entry.toUpperCase(java.util.Locale.ROOT);
    if (upper.endsWith("/") || upper.endsWith(".CLASS")) {
      return false;
    }
    String base = upper.startsWith("META-INF/") ? upper.substring("META-INF/".length()) : upper;
    return !base.contains("/")
        && (base.startsWith("LICENSE") || base.startsWith("LICENCE") || base.startsWith("NOTICE"));
  }

  /** The licences of a POM, else of its parents (found in the local repository). */
  private Optional<String> licenceOf(Document pom) {
    for (int depth = 0; depth < 10; depth++) {
      List<String> licences = new ArrayList<>();
      Element licencesElement = child(pom.getDocumentElement(), "licenses");
      if (licencesElement != null) {
        for (Node n = licencesElement.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element l && l.getTagName().endsWith("license")) {
            String name = text(l, "name");
            String url = text(l, "url");
            licences.add((name == null ? "" : name) + (url == null ? "" : " <" + url + ">"));
          }
        }
      }
      if (!licences.isEmpty()) {
        return Optional.of(String.join("; ", licences).trim());
      }
      Element parent = child(pom.getDocumentElement(), "parent");
      if (parent == null) {
        return Optional.empty();
      }
      String group = text(parent, "groupId");
      String artifact = text(parent, "artifactId");
      String version = text(parent, "version");
      Path file =
          localRepository
              .resolve(group.replace('.', '/'))
              .resolve(artifact)
              .resolve(version)
              .resolve(artifact + "-" + version + ".pom");
      try {
        pom = parse(Files.readAllBytes(file));
      } catch (Exception e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    // POMs are data here: no DTDs or external entities are ever fetched.
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }
}
