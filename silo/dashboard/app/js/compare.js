// Compare: the comparisons made by `gbasim compare`, and one of them as its report shows it:
// verdicts, differences with their intervals, and the figures over time with 95% bands.

import { api, isAbort } from './api.js';
import { draw, warmUpArea } from './charts.js';
import { card, chartBox, h, showError, table, visible } from './dom.js';
import { dateTime, number } from './format.js';
import { href } from './routes.js';

/** JSON numbers the summary could not hold (NaN, infinities) arrive as strings. */
const value = v => (typeof v === 'number' ? v : null);
const fixed = (v, digits = 3) => (value(v) === null ? '–' : Number(v).toPrecision(digits));

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
  const real = report.comparisons.filter(c => c.distinguishable);
  const verdicts = h('ul', { id: 'compare-verdicts' },
    real.map(c => h('li', { class: 'real' }, c.verdict)),
    h('li', { class: 'muted' }, `${report.comparisons.length - real.length} of ${report.comparisons.length} differences cannot be told from noise with ${report.replications} replications.`));
  const differences = h('div', { class: 'chart-grid', id: 'compare-differences' });
  const series = h('div', { class: 'chart-grid', id: 'compare-series' });
  root.append(h('div', { class: 'cards' },
    card(`Against ${report.baseline}`, { wide: true, note: 'Holm-adjusted paired t-test, 5%' }, verdicts, differencesTable(report)),
    card('Differences with 95% intervals', { wide: true, note: 'variant minus baseline' }, differences),
    card('Over time', { wide: true, note: 'mean and 95% band over replications' }, series)));
  for (const metric of report.metrics) {
    const box = chartBox(null, 220);
    differences.append(box);
    draw(box, differencesOption(metric, report.comparisons.filter(c => c.metric === metric)));
  }
  for (const figure of [...new Set(report.series.map(s => s.figure))]) {
    const box = chartBox(null, 260);
    series.append(box);
    draw(box, seriesOption(figure, report.series.filter(s => s.figure === figure)));
  }
}

function differencesTable(report) {
  return h('div', { class: 'scroll' }, table([
    { title: 'Variant', cell: c => c.variant },
    { title: 'Metric', cell: c => c.metric },
    { title: 'Difference', numeric: true, cell: c => fixed(c.statistics.difference.mean) },
    { title: '95% CI', numeric: true, cell: c => `${fixed(c.statistics.difference.low)} .. ${fixed(c.statistics.difference.high)}` },
    { title: 'adj. p (t)', numeric: true, cell: c => fixed(c.adjustedTTestP, 2) },
    { title: 'adj. p (Wilcoxon)', numeric: true, cell: c => fixed(c.adjustedWilcoxonP, 2) },
    { title: 'per 100M yuan', numeric: true, cell: c => fixed(c.changePer100MillionYuan) },
    { title: '', cell: c => (c.distinguishable ? 'real' : 'noise') },
  ], report.comparisons));
}

function differencesOption(metric, rows) {
  return {
    title: { text: metric, textStyle: { fontSize: 12 } },
    grid: { left: 160, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'value', scale: true },
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
