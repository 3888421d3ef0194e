// The dashboard's charts, drawn with ECharts from the tables under them: each table is the chart's
// data and its fallback for screen readers, so the page has one source of truth and no inline
// script. A click on a bar opens the link of the table cell it stands for: the query that counts it.
// Colours come from the stylesheet's variables, so the charts follow the light or dark theme.
(function () {
  'use strict';

  var drawn = [];

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  /** A chart's data, read from its table: categories, and per series its name, colour and points. */
  function read(table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th[data-series]'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var categories = rows.map(function (row) { return row.querySelector('th').textContent.trim(); });
    var series = heads.map(function (head, column) {
      return {
        name: head.textContent.trim(),
        color: head.getAttribute('data-color'),
        points: rows.map(function (row) {
          var cell = row.querySelectorAll('td[data-value]')[column];
          var link = cell && cell.querySelector('a[href]');
          return {
            value: cell ? Number(cell.getAttribute('data-value')) : 0,
            href: link ? link.getAttribute('href') : null,
            color: row.getAttribute('data-color')
          };
        })
      };
    });
    return { kind: table.getAttribute('data-chart'), unit: table.getAttribute('data-unit'), categories: categories, series: series };
  }

  function option(data) {
    var text = cssVar('--text');
    var muted = cssVar('--muted');
    var border = cssVar('--border');
    var horizontal = data.kind === 'hbar';
    var categoryAxis = {
      type: 'category',
      data: data.categories,
      inverse: horizontal,
      axisLabel: { color: muted, width: horizontal ? 140 : undefined, overflow: 'truncate', hideOverlap: true },
      axisLine: { lineStyle: { color: border } },
      axisTick: { lineStyle: { color: border } }
    };
    var valueAxis = {
      type: 'value',
      minInterval: 1,
      name: data.unit,
      nameLocation: horizontal ? 'middle' : 'end',
      nameGap: horizontal ? 26 : 15,
      nameTextStyle: { color: muted },
      axisLabel: { color: muted },
      splitLine: { lineStyle: { color: border } }
    };
    var several = data.series.length > 1;
    return {
      animation: false,
      textStyle: { color: text },
      grid: { left: horizontal ? 150 : 48, right: 24, top: several ? 36 : 28, bottom: horizontal ? 44 : 28, containLabel: !horizontal },
      // richText: the tooltip is drawn on the canvas; an HTML one would carry inline styles the
      // Content-Security-Policy refuses.
      tooltip: { trigger: 'item', renderMode: 'richText', backgroundColor: cssVar('--surface'), borderColor: border, textStyle: { color: text } },
      legend: several ? { top: 0, textStyle: { color: text } } : undefined,
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: data.series.map(function (s) {
        var seriesColour = s.color ? cssVar(s.color) : null;
        return {
          type: 'bar',
          name: s.name,
          cursor: 'pointer',
          barMaxWidth: 48,
          itemStyle: seriesColour ? { color: seriesColour } : undefined,
          data: s.points.map(function (p) {
            var point = { value: p.value, href: p.href };
            if (!seriesColour && p.color) point.itemStyle = { color: cssVar(p.color) };
            return point;
          })
        };
      })
    };
  }

  function drawAll() {
    drawn.forEach(function (chart) { chart.dispose(); });
    drawn = [];
    if (!window.echarts) return;
    document.querySelectorAll('[data-chart-canvas]').forEach(function (box) {
      var table = box.parentElement.querySelector('table[data-chart]');
      if (!table) return;
      var chart = window.echarts.init(box, null, { renderer: 'canvas' });
      chart.setOption(option(read(table)));
      chart.on('click', function (params) {
        if (params.data && params.data.href) window.location.assign(params.data.href);
      });
      drawn.push(chart);
    });
  }

  // Each chart arrives on its own request (htmx swaps it in for its placeholder): draw it then.
  document.addEventListener('htmx:afterSettle', drawAll);

  document.addEventListener('DOMContentLoaded', function () {
    drawAll();
    window.addEventListener('resize', function () { drawn.forEach(function (chart) { chart.resize(); }); });
    // The theme switch sets html[data-theme]; the system's setting may change too: redraw in the
    // new colours either way.
    new MutationObserver(drawAll).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    if (window.matchMedia) {
      var dark = window.matchMedia('(prefers-color-scheme: dark)');
      if (dark.addEventListener) dark.addEventListener('change', drawAll);
    }
  });
})();
