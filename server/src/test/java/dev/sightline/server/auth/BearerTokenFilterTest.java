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

/** The 401 is the API's one error shape, written before any controller runs. */
class BearerTokenFilterTest {
  private final JsonMapper json = JsonMapper.builder().build();
  private final ApiTokens tokens = mock(ApiTokens.class);
  private final BearerTokenFilter filter = new BearerTokenFilter(tokens, json);

  @Test
  void shouldAnswerAMissingTokenWithTheOneErrorShape() throws Exception {
    MockHttpServletResponse response = call(null);
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.getContentType()).startsWith("application/json");
    JsonNode body = json.readTree(response.getContentAsString());
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder("status", "error", "message", "problems");
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
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/assets");
    request.addHeader("Authorization", "Bearer good");
    filter.doFilter(request, new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).isSameAs(request);
  }

  private MockHttpServletResponse call(String authorization) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/assets");
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
