package dev.sightline.connector.crowdstrike;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vendor's JSON shapes this connector reads, parsed leniently: unknown fields are ignored,
 * missing optional ones get defaults. Records themselves stay raw {@link JsonNode}s.
 */
final class CrowdStrikeWire {

  static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private CrowdStrikeWire() {}

  /** One entry of {@code errors[]} ({@code msa.APIError}). */
  record ApiError(int code, String message) {
    ApiError {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * One page of a combined query: {@code resources[]} and {@code meta.pagination}.
   *
   * @param after the next-page cursor, "" when the vendor gave none
   * @param total the vendor's total for the query, or -1 when absent
   */
  record QueryPage(List<JsonNode> resources, String after, long total) {
    QueryPage {
      resources = List.copyOf(resources);
      Objects.requireNonNull(after, "after");
    }
  }

  /** {@code domain.AccessTokenResponseV1}; {@link #toString} hides the token. */
  record TokenGrant(String accessToken, long expiresInSeconds) {
    TokenGrant {
      Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
      return "TokenGrant[accessToken=****, expiresInSeconds=" + expiresInSeconds + "]";
    }
  }

  /** The body as a JSON object, or empty when it is not one (HTML error pages, truncation). */
  static Optional<JsonNode> tree(RawResponse response) {
    return response.parsed().get(() -> parse(response.body()));
  }

  private static Optional<JsonNode> parse(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static List<ApiError> errors(JsonNode body) {
    List<ApiError> errors = new ArrayList<>();
    JsonNode list = body.path("errors");
    if (list.isArray()) {
      for (JsonNode e : list) {
        errors.add(new ApiError(e.path("code").asInt(0), e.path("message").asText("")));
      }
    }
    return errors;
  }

  /** The first error message of the body, or "" when there is none or no JSON body. */
  static String firstErrorMessage(RawResponse response) {
    return tree(response)
        .flatMap(body -> errors(body).stream().findFirst())
        .map(ApiError::message)
        .orElse("");
  }

  /** Reads {@code resources} and {@code meta.pagination}; null resources mean none. */
  static Optional<QueryPage> queryPage(JsonNode body) {
    JsonNode resources = body.get("resources");
    if (resources != null && !resources.isNull() && !resources.isArray()) {
      return Optional.empty();
    }
    List<JsonNode> records = new ArrayList<>();
    if (resources != null && resources.isArray()) {
      resources.forEach(records::add);
    }
    JsonNode pagination = body.path("meta").path("pagination");
    JsonNode after = pagination.path("after");
    String cursor = after.isTextual() ? after.asText() : "";
    JsonNode total = pagination.path("total");
    return Optional.of(
        new QueryPage(records, cursor, total.canConvertToLong() ? total.asLong() : -1));
  }

  static Optional<TokenGrant> tokenGrant(JsonNode body) {
    String token = body.path("access_token").asText("");
    if (token.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new TokenGrant(token, body.path("expires_in").asLong(0)));
  }
}
