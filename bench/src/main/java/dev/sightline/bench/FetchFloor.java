package dev.sightline.bench;

/**
 * Reads every page of a simulated tenant the way a bare client would (the vendor's paging, JSON
 * parsing, no processing) and counts what it read, findings one each, as a sync counts them.
 */
interface FetchFloor {
  long readAll() throws Exception;
}
