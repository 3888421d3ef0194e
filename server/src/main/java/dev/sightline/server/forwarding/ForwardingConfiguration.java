package dev.sightline.server.forwarding;

import dev.sightline.server.boot.ServerSettings;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The public address is decided before any other filter (sessions, security) reads the request. */
@Configuration(proxyBeanMethods = false)
class ForwardingConfiguration {

  @Bean
  FilterRegistrationBean<PublicAddressFilter> publicAddressFilter(ServerSettings settings) {
    FilterRegistrationBean<PublicAddressFilter> registration =
        new FilterRegistrationBean<>(
            new PublicAddressFilter(settings.web().trustedProxies(), settings.web().publicUrl()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return registration;
  }
}
