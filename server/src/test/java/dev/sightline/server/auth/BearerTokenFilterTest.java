package dev.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 401 is the API's one error shape (an RFC 9457 problem detail keeping {@code error}, {@code
 * message}, {@code problems}), written before any controller runs.
 */
class BearerTokenFilterTest {
  private final JsonMapper json = JsonMapper.builder().build();
  private final ApiTokens tokens = mock(ApiTokens.class);
  private final BearerTokenFilter filter = new BearerTokenFilter(tokens, json);

  @Test
  void shouldAnswerAMissingTokenWithTheOneErrorShape() throws Exception {
    MockHttpServletResponse response = call(null);
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode body = json.readTree(response.getContentAsString());
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "type", "title", "status", "detail", "instance", "error", "message", "problems");
    assertThat(body.path("type").asString()).isEqualTo("urn:problem-type:sightline:unauthorized");
    assertThat(body.path("title").asString()).isEqualTo("Unauthorized");
    assertThat(body.path("detail").asString()).contains("Authorization: Bearer <token>");
    assertThat(body.path("instance").asString()).isEqualTo("/api/v1/assets");
    assertThat(body.path("status").asInt()).isEqualTo(401);
    assertThat(body.path("error").asString()).isEqualTo("Unauthorized");
    assertThat(body.path("message").asString()).contains("Authorization: Bearer <token>");
    assertThat(body.path("problems").isArray()).isTrue();
    assertThat(body.path("problems")).isEmpty();
  }

  @Test
  void shouldAnswerAWrongTokenWithTheOneErrorShape() throws Exception {
    when(tokens.valid("nope")).thenReturn(false);
    MockHttpServletResponse response = call("Bearer nope");
    assertThat(response.getStatus()).isEqualTo(401);
    JsonNode body = json.readTree(response.getContentAsString());
    assertThat(body.path("message").asString()).contains("not valid");
    assertThat(body.path("problems").isArray()).isTrue();
  }

  @Test
  void shouldLetAValidTokenThrough() throws Exception {
    when(tokens.valid("good")).thenReturn(true);
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletRequest request = request("/api/v1/assets");
    request.addHeader("Authorization", "Bearer good");
    filter.doFilter(request, new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).isSameAs(request);
  }

  @Test
  void shouldAskATokenForTheApiItsOpenApiDocumentAndTheActuatorButNotForHealth() {
    assertThat(BearerTokenFilter.needsToken("/api/v1/assets")).isTrue();
    assertThat(BearerTokenFilter.needsToken("/v3/api-docs")).isTrue();
    assertThat(BearerTokenFilter.needsToken("/v3/api-docs.yaml")).isTrue();
    assertThat(BearerTokenFilter.needsToken("/actuator")).isTrue();
    assertThat(BearerTokenFilter.needsToken("/actuator/prometheus")).isTrue();
    assertThat(BearerTokenFilter.needsToken("/actuator/metrics")).isTrue();
    assertThat(BearerTokenFilter.needsToken("/actuator/health")).isFalse();
    assertThat(BearerTokenFilter.needsToken("/actuator/health/liveness")).isFalse();
    assertThat(BearerTokenFilter.needsToken("/actuator/healthz")).isTrue();
    assertThat(BearerTokenFilter.needsToken("/error")).isFalse();
  }

  @Test
  void shouldJudgeThePathTheContainerMappedNotTheRawUri() throws Exception {
    // Tomcat maps /actuator/health/../prometheus to /actuator/prometheus; the servlet path says so.
    MockHttpServletRequest request =
        new MockHttpServletRequest("GET", "/actuator/health/../prometheus");
    request.setServletPath("/actuator/prometheus");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(chain.getRequest()).isNull();
  }

  /** As the container hands it over: Spring's DispatcherServlet is mapped at "/". */
  private static MockHttpServletRequest request(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setServletPath(path);
    return request;
  }

  private MockHttpServletResponse call(String authorization) throws Exception {
    MockHttpServletRequest request = request("/api/v1/assets");
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
