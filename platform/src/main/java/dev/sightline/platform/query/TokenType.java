package dev.sightline.platform.query;

/** How a token reads its values, which decides the operators it takes. */
public enum TokenType {
  STRING,
  ENUM,
  NUMBER,
  DATE,
  BOOLEAN,
  IP,
  MAC
}
