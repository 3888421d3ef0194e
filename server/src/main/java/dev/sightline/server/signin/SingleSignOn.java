package dev.sightline.server.signin;

import dev.sightline.connector.http.NetworkFailures;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.platform.audit.AuditEntry.Outcome;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.server.access.Role;
import dev.sightline.server.access.SignedIn;
import dev.sightline.server.access.SignedInAuthentication;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.boot.AccessSettings;
import dev.sightline.server.users.UserView;
import dev.sightline.server.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on through an OpenID Connect provider (SIGHTLINE_OIDC_ISSUER), on Spring Security's
 * OAuth2 client. Every call to the provider (discovery, token, keys, user info) goes through the
 * server's outbound TLS trust, so a provider behind a private CA (SIGHTLINE_EXTRA_CA_FILE) works,
 * and through the outbound proxy, so a provider outside the company network is reached the way the
 * vendors are. The roles claim decides the person's role at every sign-in; a person whose claim
 * names no Sightline role is refused.
 */
public final class SingleSignOn {
  /** Spring Security's registration id: sign-in starts at /oauth2/authorization/oidc. */
  public static final String REGISTRATION = "oidc";

  private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final AccessSettings.Oidc settings;
  private final Users users;
  private final SecurityContextRepository contexts;
  private final JsonMapper json;
  private final HttpClient http;
  private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();
  private final AuditTrail audit;

  public SingleSignOn(
      AccessSettings.Oidc settings,
      SSLContext tls,
      Users users,
      SecurityContextRepository contexts,
      JsonMapper json,
      AuditTrail audit) {
    this(settings, tls, OutboundProxy.NONE, users, contexts, json, audit);
  }

  /**
   * @param proxy the operator's outbound proxy: discovery, the token exchange and the keys all go
   *     through the one client built here, so through it (or around it, for a NO_PROXY issuer)
   */
  public SingleSignOn(
      AccessSettings.Oidc settings,
      SSLContext tls,
      OutboundProxy proxy,
      Users users,
      SecurityContextRepository contexts,
      JsonMapper json,
      AuditTrail audit) {
    this.audit = audit;
    this.settings = settings;
    this.users = users;
    this.contexts = contexts;
    this.json = json;
    this.http =
        proxy.build(
            HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER));
  }

  /**
   * The provider's registration, read from its discovery document on first use (not at start: a
   * provider that is down must not keep the server, and its token users, from starting).
   */
  public ClientRegistrationRepository registrations() {
    return id -> REGISTRATION.equals(id) ? registration() : null;
  }

  private ClientRegistration registration() {
    ClientRegistration known = registration.get();
    if (known != null) {
      return known;
    }
    ClientRegistration read =
        ClientRegistrations.fromOidcConfiguration(discovery())
            .registrationId(REGISTRATION)
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret())
            .scope("openid", "profile", "email")
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .userNameAttributeName("sub")
            .build();
    registration.compareAndSet(null, read);
    return registration.get();
  }

  private Map<String, Object> discovery() {
    String issuer = settings.issuer().replaceAll("/+$", "");
    URI uri = URI.create(issuer + "/.well-known/openid-configuration");
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "The single sign-on provider answered "
                + answer.statusCode()
                + " for its discovery document "
                + uri
                + ": check SIGHTLINE_OIDC_ISSUER");
      }
      Map<String, Object> document = json.readValue(answer.body(), new TypeReference<>() {});
      if (!settings.issuer().equals(document.get("issuer"))) {
        throw new IllegalStateException(
            "The single sign-on provider at "
                + uri
                + " calls itself '"
                + document.get("issuer")
                + "': set SIGHTLINE_OIDC_ISSUER to exactly that");
      }
      return document;
    } catch (IOException e) {
      throw new IllegalStateException(
          "The single sign-on provider's discovery document "
              + uri
              + " could not be read ("
              + NetworkFailures.proxyFailure(e)
                  .map(p -> p.getMessage() + "): " + p.fix())
                  .orElse(
                      NetworkFailures.untrustedCertificate(e)
                              .map(Throwable::getMessage)
                              .orElse(e.getClass().getSimpleName())
                          + "): check SIGHTLINE_OIDC_ISSUER, the network, and for a private CA"
                          + " SIGHTLINE_EXTRA_CA_FILE"),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted reading " + uri, e);
    }
  }

  /**
   * Where Spring Security would keep the provider's access and refresh tokens after a sign-on:
   * nowhere. Sightline only needs to know who signed in; the default keeps every signed-on person's
   * provider tokens in this node's memory for as long as it runs, secrets held for nothing and a
   * map that only grows.
   */
  public OAuth2AuthorizedClientRepository providerTokensKeptNowhere() {
    return new OAuth2AuthorizedClientRepository() {
      @Override
      public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
          String registrationId, Authentication principal, HttpServletRequest request) {
        return null;
      }

      @Override
      public void saveAuthorizedClient(
          OAuth2AuthorizedClient client,
          Authentication principal,
          HttpServletRequest request,
          HttpServletResponse response) {
        // deliberately kept nowhere
      }

      @Override
      public void removeAuthorizedClient(
          String registrationId,
          Authentication principal,
          HttpServletRequest request,
          HttpServletResponse response) {
        // nothing was kept
      }
    };
  }

  /** The code-for-token exchange, over the server's TLS trust. */
  public OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient() {
    RestClientAuthorizationCodeTokenResponseClient client =
        new RestClientAuthorizationCodeTokenResponseClient();
    client.setRestClient(
        RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory(http))
            .messageConverters(
                c -> {
                  c.clear();
                  c.add(new FormHttpMessageConverter());
                  c.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
            .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
            .build());
    return client;
  }

  /** The ID token's signature checked against the provider's keys, fetched over our trust. */
  public JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
    Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
    RestTemplate rest = new RestTemplate(new JdkClientHttpRequestFactory(http));
    Converter<Map<String, Object>, Map<String, Object>> claims =
        new MappedJwtClaimSetConverter(
            OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters());
    return client ->
        decoders.computeIfAbsent(
            client.getRegistrationId(),
            id -> {
              NimbusJwtDecoder decoder =
                  NimbusJwtDecoder.withJwkSetUri(client.getProviderDetails().getJwkSetUri())
                      .restOperations(rest)
                      .build();
              decoder.setJwtValidator(
                  new DelegatingOAuth2TokenValidator<>(
                      new JwtTimestampValidator(), new OidcIdTokenValidator(client)));
              decoder.setClaimSetConverter(claims);
              return decoder;
            });
  }

  /** The person behind the sign-on, with the role their claim names, or refused. */
  public OAuth2UserService<OidcUserRequest, OidcUser> people() {
    OidcUserService standard = new OidcUserService();
    DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
    RestTemplate rest = new RestTemplate(new JdkClientHttpRequestFactory(http));
    rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
    userInfo.setRestOperations(rest);
    standard.setOauth2UserService(userInfo);
    return request -> {
      OidcUser person = standard.loadUser(request);
      String username = username(person);
      Role role =
          roles(person.getClaims().get(settings.rolesClaim()))
              .min(Enum::compareTo) // ADMIN before OPERATOR before ANALYST before AUDITOR
              .orElseThrow(
                  () ->
                      refused(
                          "no-role",
                          "'"
                              + username
                              + "' has no Sightline role in the claim '"
                              + settings.rolesClaim()
                              + "': the identity provider's admin gives them one of "
                              + Role.names()));
      UserView user;
      try {
        user = users.signedInElsewhere(username, person.getFullName(), role);
      } catch (ConflictException e) {
        throw refused("local-user", e.getMessage());
      }
      return new SignedOnPerson(
          person, new SignedIn(user.id(), user.username(), user.role(), "OIDC"));
    };
  }

  /** After a sign-on: the session holds the Sightline user, like a password sign-in's. */
  public AuthenticationSuccessHandler onSignedIn() {
    return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
      SignedIn who = ((SignedOnPerson) auth.getPrincipal()).signedIn();
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(SignedInAuthentication.of(who));
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
      LOG.info("'{}' signed in through single sign-on as {}", who.username(), who.role());
      audit.recordAs(
          who.username(),
          AuditAction.SESSION_SIGN_IN,
          who.username(),
          Outcome.SUCCEEDED,
          null,
          null,
          "single sign-on, role " + who.role());
      response.sendRedirect("/");
    };
  }

  /** A refused sign-on goes back to the console, which says why. */
  public AuthenticationFailureHandler onRefused() {
    return (HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationException e) -> {
      String code =
          e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "failed";
      LOG.info("A single sign-on was refused ({}): {}", code, e.getMessage());
      audit.record(
          AuditAction.SESSION_SIGN_IN_FAILED,
          "single sign-on",
          Outcome.REFUSED,
          null,
          null,
          code + ": " + e.getMessage());
      response.sendRedirect("/?signInError=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    };
  }

  private static String username(OidcUser person) {
    return Stream.of(person.getPreferredUsername(), person.getEmail(), person.getSubject())
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElseThrow(() -> refused("no-name", "The identity provider named no user"));
  }

  private static Stream<Role> roles(Object claim) {
    Stream<String> values;
    if (claim == null) {
      values = Stream.empty();
    } else if (claim instanceof Collection<?> many) {
      values = many.stream().map(String::valueOf);
    } else {
      values = Stream.of(String.valueOf(claim).split("[,\\s]+"));
    }
    return values.map(Role::named).flatMap(Optional::stream);
  }

  private static OAuth2AuthenticationException refused(String code, String why) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
  }

  /** The provider's person, carrying the Sightline user they signed in as. */
  static final class SignedOnPerson extends DefaultOidcUser {
    private final transient SignedIn signedIn;

    SignedOnPerson(OidcUser person, SignedIn signedIn) {
      super(
          List.of(new SimpleGrantedAuthority(signedIn.role().authority())),
          person.getIdToken(),
          person.getUserInfo(),
          "sub");
      this.signedIn = signedIn;
    }

    SignedIn signedIn() {
      return signedIn;
    }
  }
}
