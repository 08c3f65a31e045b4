// Compare: the comparisons made by `gbasim compare`, and one of them as its report shows it:
// verdicts, differences with their intervals, and the figures over time with 95% bands.

import { api, isAbort } from './api.js';
import { draw, warmUpArea } from './charts.js';
import { citiesPanel, costsTable } from './compare-breakdown.js';
import { card, chartBox, h, showError, table, visible } from './dom.js';
import { figure, format, loadFigures, ordered } from './figures.js';
import { dateTime, number } from './format.js';
import { href } from './routes.js';

/** JSON numbers the summary could not hold (NaN, infinities) arrive as strings. */
const value = v => (typeof v === 'number' ? v : null);

export async function render(root, { runId: comparisonId, signal }) {
  try {
    const list = await api.comparisons(signal);
    root.append(h('div', { class: 'cards' },
      card('Comparisons', { wide: true, note: 'made with gbasim compare; newest first' }, list.length ? listTable(list) : h('p', { class: 'muted' }, 'No comparison yet: run gbasim compare against this silo.'))));
    const id = comparisonId ?? list[0]?.id;
    if (id) await show(root, await api.comparison(id, signal));
  } catch (error) {
    if (!isAbort(error)) showError(root, error);
  }
}

function listTable(list) {
  return table([
    { title: 'Comparison', cell: c => h('a', { href: href('compare', c.id) }, c.id) },
    { title: 'Baseline', cell: c => c.baseline },
    { title: 'Variants', numeric: true, cell: c => number(c.variants) },
    { title: 'Replications', numeric: true, cell: c => number(c.replications) },
    { title: 'Saved', cell: c => dateTime(c.saved) },
  ], list);
}

async function show(root, report) {
  const figures = await loadFigures();
  // Summaries kept before findings had kinds carry only "distinguishable".
  const findingOf = c => c.finding ?? (c.distinguishable ? 'real' : 'noise');
  const said = report.comparisons.filter(c => findingOf(c) !== 'noise');
  const noise = report.comparisons.length - said.length;
  const verdicts = h('ul', { id: 'compare-verdicts' },
    said.map(c => h('li', { class: findingOf(c) }, c.verdict)),
    h('li', { class: 'muted' }, `${noise} of ${report.comparisons.length} differences cannot be told from noise with ${report.replications} replications.`),
    (report.limits ?? []).filter(l => l.warning).map(l => h('li', { class: 'muted limit' }, `Note: ${l.warning}`)));
  const differences = h('div', { class: 'chart-grid', id: 'compare-differences' });
  const series = h('div', { class: 'chart-grid', id: 'compare-series' });
  // Summaries kept before per-city results and costs existed have neither.
  const cities = report.cities?.length ? citiesPanel(report, figures, differencesOption) : null;
  root.append(h('div', { class: 'cards' },
    card(`Against ${report.baseline}`, { wide: true, note: 'Holm-adjusted paired t-test, 5%' }, verdicts, differencesTable(report, figures, findingOf)),
    report.costs?.length ? card('Cost per outcome', { wide: true, id: 'compare-costs', note: "extra policy spending ÷ extra outcome, paired replications, Fieller's 95% interval" }, costsTable(report, figures)) : null,
    cities ? card('By city', { wide: true, id: 'compare-cities', note: cities.controls }, cities.body) : null,
    card('Differences with 95% intervals', { wide: true, note: 'variant minus baseline' }, differences),
    card('Over time', { wide: true, note: 'mean and 95% band over replications' }, series)));
  cities?.show();
  for (const metric of report.metrics) {
    // Inputs (policy spending) are set by the scenarios, so they get no interval chart.
    const rows = report.comparisons.filter(c => c.metric === metric && findingOf(c) !== 'input');
    if (!rows.length) continue;
    const box = chartBox(null, 220);
    differences.append(box);
    draw(box, differencesOption(`Change in ${figure(figures, metric).heading}`, rows));
  }
  for (const name of [...new Set(report.series.map(s => s.figure))]) {
    const box = chartBox(null, 260);
    series.append(box);
    draw(box, seriesOption(figure(figures, name, 'monthly').heading, report.series.filter(s => s.figure === name)));
  }
}

function differencesTable(report, figures, findingOf) {
  const stat = name => figure(figures, name, 'statistic');
  const column = (name, cell) => ({ title: h('span', { title: stat(name).definition }, stat(name).short), numeric: true, cell });
  const order = ordered(figures, report.metrics);
  const rows = [...report.comparisons].sort((a, b) => order.indexOf(a.metric) - order.indexOf(b.metric));
  const f = c => figure(figures, c.metric);
  return h('div', { class: 'scroll' }, table([
    { title: 'Variant', cell: c => c.variant },
    { title: 'Figure', cell: c => h('span', { title: f(c).definition }, f(c).heading) },
    column('difference', c => format(f(c), value(c.statistics.difference.mean))),
    column('ci', c => (findingOf(c) === 'input' ? '–' : `${format(f(c), value(c.statistics.difference.low))} to ${format(f(c), value(c.statistics.difference.high))}`)),
    column('adjustedTTestP', c => format(stat('adjustedTTestP'), value(c.adjustedTTestP))),
    column('adjustedWilcoxonP', c => format(stat('adjustedWilcoxonP'), value(c.adjustedWilcoxonP))),
    column('changePer100MillionYuan', c => format(f(c), value(c.changePer100MillionYuan))),
    { title: h('span', { title: stat('verdict').definition }, 'verdict'), cell: c => findingOf(c) },
  ], rows));
}

function differencesOption(title, rows) {
  return {
    title: { text: title, textStyle: { fontSize: 12 } },
    grid: { left: 160, right: 16, top: 32, bottom: 24 },
    // Not scaled: zero, the "no change" line, stays on the axis.
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map(r => visible(r.variant)) },
    series: [{
      type: 'custom',
      encode: { x: [1, 2, 3], y: 0 },
      data: rows.map((r, i) => [i, value(r.statistics.difference.low) ?? 0, value(r.statistics.difference.high) ?? 0, value(r.statistics.difference.mean) ?? 0]),
      renderItem: (params, api) => {
        const y = api.coord([0, api.value(0)])[1];
        const [lo, hi, mean] = [api.coord([api.value(1), 0])[0], api.coord([api.value(2), 0])[0], api.coord([api.value(3), 0])[0]];
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo, y1: y, x2: hi, y2: y }, style: { stroke: '#34495e', lineWidth: 2 } },
          { type: 'circle', shape: { cx: mean, cy: y, r: 5 }, style: { fill: '#c0392b' } },
        ] };
      },
    }],
  };
}

function seriesOption(figure, bands) {
  const series = [];
  bands.forEach((band, i) => {
    // Every figure charted over time is a count or an amount, never below zero: a band is cut at zero rather than drawn below it.
    const low = band.low.map(value).map(v => (v === null ? null : Math.max(v, 0)));
    const label = visible(band.label);
    series.push({ name: label, type: 'line', showSymbol: false, data: band.mean.map(value), markArea: i === 0 ? warmUpArea(band.months) : undefined });
    series.push({ name: `${label} low`, type: 'line', stack: `band${i}`, showSymbol: false, lineStyle: { opacity: 0 }, data: low, tooltip: { show: false } });
    series.push({ name: `${label} band`, type: 'line', stack: `band${i}`, showSymbol: false, lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.15 },
      data: band.high.map((high, k) => (value(high) === null || low[k] === null ? null : high - low[k])), tooltip: { show: false } });
  });
  return {
    title: { text: figure, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0, data: bands.map(b => visible(b.label)) },
    grid: { left: 64, right: 16, top: 32, bottom: 48 },
    xAxis: { type: 'category', data: bands[0]?.months ?? [] },
    yAxis: { type: 'value', min: 0 },
    series,
  };
}
