package dev.sightline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
record Machine(int cores, long memoryMiB, String java, long maxHeapMiB) {

  static Machine here() {
    long memoryKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      memoryKb = 0; // not Linux: said as unknown
    }
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memoryKb >> 10,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  String describe() {
    return String.format(
        "%d cores, %s memory, %s, -Xmx%d MiB (max heap the JVM reports)",
        cores,
        memoryMiB > 0 ? String.format("%.1f GiB", memoryMiB / 1024.0) : "unknown",
        java,
        maxHeapMiB);
  }
}
