package dev.sightline.server.security;

import dev.sightline.server.access.AccessProblems;
import dev.sightline.server.access.AccessRules;
import dev.sightline.server.access.Role;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.server.signin.SessionRefresh;
import dev.sightline.server.signin.SingleSignOn;
import dev.sightline.server.tokens.ApiTokens;
import dev.sightline.server.tokens.TokenAuthentication;
import dev.sightline.server.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain: a bearer token or a session says who calls, {@link AccessRules} says what they
 * may do, and a browser's changes carry a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * The console loads nothing from another host and runs no inline script: every script, style,
   * font and image is a file this server serves.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  /** Sessions live in the servlet container's session, keyed by an HttpOnly cookie. */
  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /**
   * The CSRF token in a cookie the console's script can read (XSRF-TOKEN) and must echo in the
   * X-XSRF-TOKEN header; another site can neither read the cookie nor set the header.
   */
  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
    return repository;
  }

  /** Single sign-on, when SIGHTLINE_OIDC_ISSUER is set; none (a null bean) otherwise. */
  @Bean
  SingleSignOn singleSignOn(
      ServerSettings settings,
      Users users,
      SecurityContextRepository contexts,
      JsonMapper json,
      AuditTrail audit,
      dev.sightline.connector.http.OutboundProxy proxy) {
    return settings
        .access()
        .oidc()
        .map(
            oidc ->
                new SingleSignOn(oidc, settings.outboundTls(), proxy, users, contexts, json, audit))
        .orElse(null);
  }

  /** Spring Security's OAuth2 login takes the ID token's decoder from the context. */
  @Bean
  JwtDecoderFactory<ClientRegistration> idTokenDecoders(ObjectProvider<SingleSignOn> sso) {
    SingleSignOn signOn = sso.getIfAvailable();
    return signOn == null ? null : signOn.idTokenDecoders();
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      ApiTokens tokens,
      Users users,
      AccessProblems problems,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      ObjectProvider<SingleSignOn> sso)
      throws Exception {
    SingleSignOn signOn = sso.getIfAvailable();
    if (signOn != null) {
      http.oauth2Login(
          o ->
              o.clientRegistrationRepository(signOn.registrations())
                  .authorizedClientRepository(signOn.providerTokensKeptNowhere())
                  .tokenEndpoint(t -> t.accessTokenResponseClient(signOn.tokenClient()))
                  .userInfoEndpoint(u -> u.oidcUserService(signOn.people()))
                  .successHandler(signOn.onSignedIn())
                  .failureHandler(signOn.onRefused()));
    }
    http.securityContext(c -> c.securityContextRepository(contexts))
        .csrf(
            c ->
                c.spa()
                    .csrfTokenRepository(csrfTokens)
                    .requireCsrfProtectionMatcher(SecurityConfiguration::changeFromABrowserSession))
        .authorizeHttpRequests(SecurityConfiguration::rules)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterAfter(
            new TokenAuthentication(tokens, problems), SecurityContextHolderFilter.class)
        .addFilterAfter(new SessionRefresh(users, contexts), TokenAuthentication.class)
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /**
   * Only a browser's session carries credentials another site could ride on; a bearer token is sent
   * by the caller's own code, and signing in has no session yet to ride on.
   */
  private static boolean changeFromABrowserSession(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod())
        && request.getRequestedSessionId() != null
        && !TokenAuthentication.carriesToken(request)
        && !("POST".equals(request.getMethod())
            && "/api/v1/session".equals(request.getRequestURI()));
  }

  private static void rules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    for (AccessRules.Rule rule : AccessRules.api()) {
      apply(a, rule);
    }
    for (AccessRules.Rule rule : AccessRules.around()) {
      apply(a, rule);
    }
    for (AccessRules.Rule rule : AccessRules.console()) {
      apply(a, rule);
    }
    // An API path without a rule is no one's: the role-matrix test keeps this list complete.
    a.requestMatchers(matcher(null, "/api/**")).denyAll();
    // Anything else is no page of ours: Spring answers its 404.
    a.anyRequest().permitAll();
  }

  private static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
      AccessRules.Rule rule) {
    var matched = a.requestMatchers(matcher(rule.method(), rule.pattern()));
    switch (rule.audience()) {
      case ANYONE -> matched.permitAll();
      case SIGNED_IN -> matched.authenticated();
      case ROLES ->
          matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
    }
  }

  private static RequestMatcher matcher(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
