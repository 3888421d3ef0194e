package dev.sightline.platform.intel;

/**
 * A file that cannot be imported. The message names the file, where in it the problem is and what
 * to do; when it is thrown nothing from that file has been stored.
 */
public final class IntelFileException extends RuntimeException {
  IntelFileException(String message) {
    super(message);
  }

  IntelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
