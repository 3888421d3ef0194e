package dev.sightline.server.search;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.export.InventoryExport;
import dev.sightline.platform.query.QueryCompiler;
import dev.sightline.platform.query.SourceLabels;
import dev.sightline.platform.savedviews.SavedViews;
import dev.sightline.platform.search.InventoryCounts;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.query.QueryParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query language wired to the inventory: parser, catalogue compiler, search, counts, saved
 * views, export.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {
  @Bean
  SourceLabels sourceLabels() {
    // Source and product names come from each connector type's descriptor: the platform names none.
    return SourceLabels.of(ConnectorCatalog.discover());
  }

  @Bean
  QueryCompiler queryCompiler(SourceLabels labels, Clock clock) {
    return new QueryCompiler(labels, clock);
  }

  @Bean
  InventorySearch inventorySearch(InventoryQueries queries, QueryCompiler compiler) {
    return new InventorySearch(queries, compiler, QueryParser.withDefaults());
  }

  @Bean
  InventoryCounts inventoryCounts(Jdbc jdbc, InventorySearch search, SourceLabels labels) {
    return new InventoryCounts(jdbc, search, labels);
  }

  @Bean
  SavedViews savedViews(Jdbc jdbc, InventorySearch search, Clock clock) {
    return new SavedViews(jdbc, search, clock);
  }

  @Bean
  InventoryExport inventoryExport(Jdbc jdbc) {
    return new InventoryExport(jdbc);
  }
}
