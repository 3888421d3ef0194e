package dev.sightline.server.search;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.query.QueryCompiler;
import dev.sightline.platform.query.QueryEntity;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The token catalogue, as the search box and scripts read it. */
@RestController
class QueryTokenController {
  private final QueryCompiler compiler;

  QueryTokenController(QueryCompiler compiler) {
    this.compiler = compiler;
  }

  @GetMapping("/api/v1/query/tokens")
  List<TokenResponse> tokens(@RequestParam(defaultValue = "findings") String entity) {
    return compiler.tokens(entity(entity)).stream().map(TokenResponse::of).toList();
  }

  static QueryEntity entity(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "assets", "asset" -> QueryEntity.ASSETS;
      case "findings", "finding" -> QueryEntity.FINDINGS;
      default ->
          throw new InvalidRequestException("entity", "is '" + text + "': use assets or findings");
    };
  }
}
