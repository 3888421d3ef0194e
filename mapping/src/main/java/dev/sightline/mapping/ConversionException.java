package dev.sightline.mapping;

/**
 * A value that does not fit its target type. Thrown and caught inside one field's evaluation, so it
 * carries no stack trace: bad data is expected and frequent, and the message is all that is kept.
 */
final class ConversionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ConversionException(String reason) {
    super(reason, null, false, false);
  }
}
