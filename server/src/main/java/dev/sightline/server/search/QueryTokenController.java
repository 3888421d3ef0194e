package dev.sightline.server.search;

import dev.sightline.platform.query.QueryCompiler;
import dev.sightline.platform.query.QueryEntity;
import java.util.List;
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
    return compiler.tokens(QueryEntity.named(entity, "entity")).stream()
        .map(TokenResponse::of)
        .toList();
  }
}
