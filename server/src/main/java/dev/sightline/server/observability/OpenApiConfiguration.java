package dev.sightline.server.observability;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc generates from the controllers at {@code /v3/api-docs} (bearer
 * token needed, like the API). It is kept the same from run to run, so a committed copy ({@code
 * docs/openapi.json}) can be compared with it: a relative server URL and operation ids that do not
 * depend on the order controllers are found in.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  private static final String BEARER = "bearer";

  @Bean
  OpenAPI sightlineOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Sightline API")
                .version("v1")
                .description(
                    "Connectors, runs, assets, findings and scoring of Sightline, the open-source"
                        + " exposure-management hub. Every call but signing in needs"
                        + " 'Authorization: Bearer <token>' (a personal API token) or a signed-in"
                        + " session (POST /api/v1/session; changes then carry the X-XSRF-TOKEN"
                        + " header). Each role's calls are listed in docs/access.md."))
        .servers(List.of(new Server().url("/")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BEARER)))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /**
   * {@code connectorGet}, {@code runGet}: the controller's feature and the method. springdoc's own
   * ids are method names, numbered ({@code get_1}, {@code get_2}) in the order it meets them, so a
   * new controller would renumber the others.
   */
  @Bean
  OperationCustomizer featureOperationIds() {
    return (operation, handler) -> {
      String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
      String method = handler.getMethod().getName();
      return operation.operationId(
          Character.toLowerCase(controller.charAt(0))
              + controller.substring(1)
              + Character.toUpperCase(method.charAt(0))
              + method.substring(1));
    };
  }
}
