package dev.sightline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
record Machine(int cores, long memoryMiB, String java, long maxHeapMiB, String loadAverage) {

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
        Runtime.getRuntime().maxMemory() >> 20,
        readLoadAverage());
  }

  /** The 1, 5 and 15 minute load averages, as the kernel says: how much else ran meanwhile. */
  private static String readLoadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  String describe() {
    return String.format(
        "%d cores, %s memory, %s, max heap %d MiB%s",
        cores,
        memoryMiB > 0 ? String.format("%.1f GiB", memoryMiB / 1024.0) : "unknown",
        java,
        maxHeapMiB,
        loadAverage.isEmpty() ? "" : "; load average at the end " + loadAverage);
  }
}
