package dev.sightline.server.console.inventory;

import java.util.List;

/**
 * What a listing template draws: the query bar and its error, the table, the row count, paging, the
 * column choice, saved views and exports. Hrefs are built here so that each one reproduces a state
 * of the page.
 */
record ListingPage(
    String title,
    String entity,
    String noun,
    ListState state,
    QueryError error,
    List<Header> headers,
    List<List<Cell>> rows,
    String rowCount,
    String countKind,
    String previousHref,
    String nextHref,
    List<ColumnChoice> columns,
    String columnsParam,
    List<ViewLink> views,
    String exportCsv,
    String exportJson,
    String example) {}
