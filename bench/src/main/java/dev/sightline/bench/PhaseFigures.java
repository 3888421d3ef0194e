package dev.sightline.bench;

/**
 * One phase's figures.
 *
 * @param seconds wall time
 * @param records what the phase read or wrote (findings counted one each), 0 where none
 * @param peakHeapMiB the most heap in use at any moment (garbage included)
 * @param liveHeapMiB the most heap still in use right after a collection (0: none ran)
 * @param peakRssMiB this process's peak resident set size (PostgreSQL not counted)
 */
record PhaseFigures(
    double seconds, long records, long peakHeapMiB, long liveHeapMiB, long peakRssMiB) {

  double recordsPerSecond() {
    return seconds > 0 ? records / seconds : 0;
  }
}
