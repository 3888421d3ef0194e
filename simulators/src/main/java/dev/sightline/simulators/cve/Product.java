package dev.sightline.simulators.cve;

import dev.sightline.simulators.fleet.OsFamily;
import java.util.List;

/**
 * Software that Spotlight reports vulnerabilities in. For operating-system products the app name
 * shown is the host's own OS ("Windows 11", "Mac OS 14"), as in the real samples.
 */
public record Product(
    String name,
    String vendor,
    String cpe,
    String vendorUrl,
    boolean operatingSystem,
    List<String> components,
    String versionPrefix) {

  static final List<Product> WINDOWS =
      List.of(
          os(
              "Windows",
              "Microsoft",
              "cpe:/o:microsoft:windows::::",
              "https://msrc.microsoft.com/update-guide",
              List.of(
                  "Windows Kernel",
                  "Win32k",
                  "Windows SMB Server",
                  "Windows Print Spooler",
                  "Windows CLFS Driver",
                  "Windows Defender Credential Guard",
                  "Windows TCP/IP"),
              "10.0."),
          app(
              "Chrome",
              "Google",
              "cpe:/a:google:chrome::::",
              "https://chromereleases.googleblog.com/",
              List.of("V8", "Blink", "WebRTC", "ANGLE", "Skia", "Mojo"),
              "12"),
          app(
              "Microsoft Edge",
              "Microsoft",
              "cpe:/a:microsoft:edge_chromium::::",
              "https://learn.microsoft.com/en-us/deployedge/microsoft-edge-relnotes-security",
              List.of("V8", "Blink"),
              "12"),
          app(
              "Firefox",
              "Mozilla",
              "cpe:/a:mozilla:firefox::::",
              "https://www.mozilla.org/en-US/security/advisories/",
              List.of("SpiderMonkey", "the HTML parser", "WebGL"),
              "12"),
          app(
              "Microsoft 365 Apps",
              "Microsoft",
              "cpe:/a:microsoft:365_apps::::",
              "https://msrc.microsoft.com/update-guide",
              List.of("Microsoft Word", "Microsoft Excel", "Microsoft Outlook"),
              "16.0."),
          app(
              "Adobe Acrobat Reader DC",
              "Adobe",
              "cpe:/a:adobe:acrobat_reader_dc::::",
              "https://helpx.adobe.com/security/products/acrobat.html",
              List.of("the PDF parser", "the font engine"),
              "24.0"),
          app(
              "7-Zip",
              "Igor Pavlov",
              "cpe:/a:7-zip:7-zip::::",
              "https://www.7-zip.org/history.txt",
              List.of("the archive extractor"),
              "23."),
          app(
              "Zoom",
              "Zoom Video Communications",
              "cpe:/a:zoom:meetings::::",
              "https://www.zoom.com/en/trust/security-bulletin/",
              List.of("the installer", "the meeting client"),
              "5.1"),
          app(
              ".NET Framework",
              "Microsoft",
              "cpe:/a:microsoft:.net_framework::::",
              "https://msrc.microsoft.com/update-guide",
              List.of("the XML serializer", "WPF"),
              "4.8."),
          app(
              "Java Runtime Environment",
              "Oracle",
              "cpe:/a:oracle:jre::::",
              "https://www.oracle.com/security-alerts/",
              List.of("Hotspot", "Libraries", "JAXP"),
              "8u"));

  static final List<Product> MAC =
      List.of(
          os(
              "Mac OS",
              "Apple",
              "cpe:/o:apple:macos::::",
              "https://support.apple.com/en-us/100100",
              List.of("the kernel", "WebKit", "ImageIO", "CoreMedia", "Safari"),
              "1"),
          app(
              "Chrome",
              "Google",
              "cpe:/a:google:chrome::::",
              "https://chromereleases.googleblog.com/",
              List.of("V8", "Blink", "WebRTC"),
              "12"),
          app(
              "Firefox",
              "Mozilla",
              "cpe:/a:mozilla:firefox::::",
              "https://www.mozilla.org/en-US/security/advisories/",
              List.of("SpiderMonkey", "WebGL"),
              "12"),
          app(
              "Microsoft Office",
              "Microsoft",
              "cpe:/a:microsoft:office::::",
              "https://msrc.microsoft.com/update-guide",
              List.of("Microsoft Word", "Microsoft Excel"),
              "16."),
          app(
              "Zoom",
              "Zoom Video Communications",
              "cpe:/a:zoom:meetings::::",
              "https://www.zoom.com/en/trust/security-bulletin/",
              List.of("the meeting client"),
              "5.1"),
          app(
              "Slack",
              "Slack Technologies",
              "cpe:/a:slack:slack::::",
              "https://slack.com/release-notes/mac",
              List.of("the Electron runtime"),
              "4."));

  static final List<Product> LINUX =
      List.of(
          os(
              "Linux Kernel",
              "Linux",
              "cpe:/o:linux:linux_kernel::::",
              "https://www.kernel.org/",
              List.of(
                  "netfilter",
                  "the io_uring subsystem",
                  "the ext4 driver",
                  "nf_tables",
                  "the Bluetooth stack"),
              "5."),
          app(
              "openssl",
              "OpenSSL",
              "cpe:/a:openssl:openssl::::",
              "https://www.openssl.org/news/vulnerabilities.html",
              List.of("the X.509 verifier", "the TLS handshake"),
              "3.0."),
          app(
              "sudo",
              "Todd Miller",
              "cpe:/a:sudo_project:sudo::::",
              "https://www.sudo.ws/security/advisories/",
              List.of("sudoedit"),
              "1.9."),
          app(
              "glibc",
              "GNU",
              "cpe:/a:gnu:glibc::::",
              "https://sourceware.org/glibc/wiki/Security%20Exceptions",
              List.of("the dynamic loader", "getaddrinfo"),
              "2.3"),
          app(
              "openssh-server",
              "OpenBSD",
              "cpe:/a:openbsd:openssh::::",
              "https://www.openssh.com/security.html",
              List.of("sshd"),
              "9."),
          app(
              "curl",
              "curl",
              "cpe:/a:haxx:curl::::",
              "https://curl.se/docs/security.html",
              List.of("libcurl", "the SOCKS5 proxy handler"),
              "8."),
          app(
              "log4j-core",
              "Apache",
              "cpe:/a:apache:log4j::::",
              "https://logging.apache.org/log4j/2.x/security.html",
              List.of("JNDI lookups"),
              "2.1"),
          app(
              "python3",
              "Python Software Foundation",
              "cpe:/a:python:python::::",
              "https://www.python.org/news/security/",
              List.of("the tarfile module", "the email module"),
              "3.1"),
          app(
              "nginx",
              "F5",
              "cpe:/a:f5:nginx::::",
              "https://nginx.org/en/security_advisories.html",
              List.of("the HTTP/2 module", "the resolver"),
              "1.2"));

  static List<Product> forFamily(OsFamily family) {
    return switch (family) {
      case WINDOWS -> WINDOWS;
      case MAC -> MAC;
      case LINUX -> LINUX;
    };
  }

  private static Product os(
      String name, String vendor, String cpe, String url, List<String> components, String v) {
    return new Product(name, vendor, cpe, url, true, components, v);
  }

  private static Product app(
      String name, String vendor, String cpe, String url, List<String> components, String v) {
    return new Product(name, vendor, cpe, url, false, components, v);
  }
}
