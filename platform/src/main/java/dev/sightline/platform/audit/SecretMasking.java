package dev.sightline.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.platform.connectors.ConnectorView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule that keeps secrets out of audited values: every field, at any depth, whose name
 * denotes a secret has its value replaced by the mask. It goes by the field's name because an
 * audited value can be anything (a connector, a user, a token, a setting); a connector's own
 * secrets are already masked by its descriptor ({@code ConfigField.secret}, applied where
 * connectors are shown) and pass through here a second time. The mask is the connector view's, so
 * the product shows one mask everywhere.
 *
 * <p>A name denotes a secret when, lower-cased and without separators ({@code client_secret},
 * {@code X-Api-Key} and {@code clientSecret} all read alike), it
 *
 * <ul>
 *   <li>ends in a session id ({@code sessionId}: whoever holds it is signed in), or else
 *   <li>does not end in {@code id}/{@code ids}/{@code name}/{@code names} (an identifier of a
 *       secret is not the secret: {@code apiKeyId}, {@code clientId}, {@code tokenId}, {@code
 *       keyId}, {@code tokenName} stay readable), and
 *   <li>ends in a secret's noun ({@code secret}, {@code password}, {@code token}, {@code hash},
 *       {@code authorization}, {@code cookie}, …), is {@code key}/{@code keys} or ends in a
 *       credential's key ({@code apiKey}, {@code privateKey}, {@code accessKey} …), or contains
 *       {@code password}, {@code passphrase}, {@code secret}, {@code credential}, {@code
 *       privatekey} or {@code keymaterial} anywhere.
 * </ul>
 *
 * A key that identifies a record ({@code recordKey}, {@code findingKey}) is not a credential and
 * stays readable. A secret's null stays null (it says "none set", not what it is); any other value,
 * an object or a list included, becomes the mask.
 */
public final class SecretMasking {
  public static final String MASK = ConnectorView.MASK;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> IDENTIFIER_ENDINGS = List.of("id", "ids", "name", "names");

  private static final List<String> SECRET_ENDINGS =
      List.of(
          "secret",
          "secrets",
          "password",
          "passwords",
          "passwd",
          "pwd",
          "passphrase",
          "token",
          "tokens",
          "credential",
          "credentials",
          "authorization",
          "cookie",
          "cookies",
          "hash",
          "salt",
          "signature",
          "pem",
          "apikey",
          "apikeys",
          "privatekey",
          "secretkey",
          "accesskey",
          "signingkey",
          "masterkey",
          "encryptionkey",
          "sharedkey",
          "clientkey",
          "sessionkey",
          "hmackey",
          "sshkey");

  private static final List<String> SECRET_STEMS =
      List.of("password", "passphrase", "secret", "credential", "privatekey", "keymaterial");

  private SecretMasking() {}

  /** Whether a field of this name holds a secret (see the class comment for the rule). */
  public static boolean isSecret(String fieldName) {
    String n = normalized(fieldName);
    if (n.endsWith("sessionid")) {
      return true;
    }
    if (IDENTIFIER_ENDINGS.stream().anyMatch(n::endsWith)) {
      return false;
    }
    return n.equals("key")
        || n.equals("keys")
        || SECRET_ENDINGS.stream().anyMatch(n::endsWith)
        || SECRET_STEMS.stream().anyMatch(n::contains);
  }

  private static String normalized(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A masked copy of the tree; the given one is left as it was. */
  public static JsonNode mask(JsonNode value) {
    JsonNode copy = value.deepCopy();
    maskInPlace(copy);
    return copy;
  }

  /**
   * JSON text with its secrets masked, or null for null. Text that is not JSON is refused without
   * repeating it: the parser's message would quote the very text that may hold a secret.
   */
  public static String mask(String json) {
    if (json == null) {
      return null;
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an audited value must be JSON text; it was not");
    }
    if (tree == null || tree.isMissingNode()) {
      throw new IllegalArgumentException("an audited value must be JSON text; it was empty");
    }
    maskInPlace(tree);
    return tree.toString();
  }

  private static void maskInPlace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (!isSecret(name)) {
          maskInPlace(value);
        } else if (!value.isNull()) {
          object.put(name, MASK);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(SecretMasking::maskInPlace);
    }
  }
}
