package dev.sightline.connector.crowdstrike;

import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.error;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.json;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.tokenBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.PermanentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrowdStrikeTokenProviderTest {

  private final Harness harness = new Harness();

  @Test
  void shouldReuseATokenWhileMoreThanTheRefreshMarginRemains() throws InterruptedException {
    String first = harness.tokens.token();
    harness.context.mutableClock().advance(Duration.ofSeconds(1799 - 241));

    assertThat(harness.tokens.token()).isEqualTo(first);
    assertThat(harness.fake.tokensIssued()).isEqualTo(1);
  }

  @Test
  void shouldRefreshBeforeExpiryOnceLessThan240SecondsRemain() throws InterruptedException {
    String first = harness.tokens.token();
    harness.context.mutableClock().advance(Duration.ofSeconds(1799 - 240));

    String second = harness.tokens.token();

    assertThat(second).isNotEqualTo(first);
    assertThat(harness.fake.tokensIssued()).isEqualTo(2);
  }

  @Test
  void shouldIssueANewTokenAfterTheCurrentOneWasRejected() throws InterruptedException {
    String first = harness.tokens.token();
    harness.tokens.invalidate(first);

    assertThat(harness.tokens.token()).isNotEqualTo(first);
  }

  @Test
  void shouldIgnoreARejectionOfATokenItAlreadyReplaced() throws InterruptedException {
    String first = harness.tokens.token();
    harness.tokens.refresh();
    String second = harness.tokens.token();
    harness.tokens.invalidate(first);

    assertThat(harness.tokens.token()).isEqualTo(second);
  }

  @Test
  void shouldPostFormEncodedCredentialsWithTheMemberCid() throws InterruptedException {
    Harness mssp = new Harness(CrowdStrikeTuning.defaults(), "child cid");
    mssp.tokens.token();

    assertThat(mssp.fake.tokenForms())
        .containsExactly(
            "client_id=client-1&client_secret=" + Harness.SECRET + "&member_cid=child+cid");
    assertThat(mssp.fake.requests().get(0).headers().firstValue("Content-Type"))
        .contains("application/x-www-form-urlencoded");
  }

  @Test
  void shouldNameTheCauseAndTheFixWhenTheCredentialsAreRefused() {
    harness.fake.onToken(r -> error(403, "Failed to issue access token - Not Authorized"));

    assertThatThrownBy(harness.tokens::token)
        .isInstanceOf(PermanentException.class)
        .hasMessageStartingWith(
            "CrowdStrike refused the client credentials (HTTP 403: Failed to issue access token - Not Authorized)")
        .hasMessageContaining(
            "check the Client ID and Client Secret in Edit Connector, and that the API client"
                + " is not disabled; the Auth URL must match the tenant's region")
        .hasMessageNotContaining(Harness.SECRET);
  }

  @Test
  void shouldTreatA400AndA401LikeBadCredentials() {
    harness.fake.onToken(r -> error(400, "Failed to generate access token for clientID=client-1."));
    assertThatThrownBy(harness.tokens::token)
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("HTTP 400");

    harness.fake.onToken(r -> error(401, "access denied"));
    assertThatThrownBy(harness.tokens::token)
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void shouldBlankTheSecretIfTheVendorEverEchoedIt() {
    harness.fake.onToken(r -> error(403, "bad secret " + Harness.SECRET));

    assertThatThrownBy(harness.tokens::token)
        .hasMessageNotContaining(Harness.SECRET)
        .hasMessageContaining("****");
  }

  @Test
  void shouldMentionTheIpAllowListWhenAuthorizationFailed() {
    harness.fake.onToken(r -> error(403, "access denied, authorization failed"));

    assertThatThrownBy(harness.tokens::token).hasMessageContaining("allow this server's address");
  }

  @Test
  void shouldRetryATokenCallThatWasRateLimited() throws InterruptedException {
    long resetAt = Harness.START.getEpochSecond() + 5;
    harness.fake.onToken(
        r -> error(429, "rate limited", "X-RateLimit-RetryAfter", Long.toString(resetAt)));

    assertThat(harness.tokens.token()).isEqualTo("token-1");
    assertThat(harness.context.sleeps()).hasSize(1);
    assertThat(harness.context.sleeps().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void shouldRefuseATokenAnswerWithoutAToken() {
    harness.fake.onToken(r -> json(201, tokenBody("", 1799)));

    assertThatThrownBy(harness.tokens::token)
        .isInstanceOf(dev.sightline.connector.UnexpectedResponseException.class)
        .hasMessageContaining("trace id trace-201");
  }
}
