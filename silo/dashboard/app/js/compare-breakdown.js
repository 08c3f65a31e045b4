// A comparison's parts beyond the region's tests: each city's figures per scenario (means and
// paired changes with 95% intervals; the cities add up to the region) and what each variant's
// extra policy spending buys (yuan per additional unit of an outcome, or why it is not defined).

import { draw } from './charts.js';
import { chartBox, h, table, visible } from './dom.js';
import { figure, format } from './figures.js';

/** JSON numbers the summary could not hold (NaN, infinities) arrive as strings. */
const value = v => (typeof v === 'number' ? v : null);

/** The cost of each outcome for each variant, in the catalogue's words; undefined costs say why. */
export function costsTable(report, figures) {
  const spending = figure(figures, 'policySpending');
  const stat = name => figure(figures, name, 'statistic');
  const change = (f, s) => `${format(f, value(s.mean))} (${format(f, value(s.low))} to ${format(f, value(s.high))})`;
  return h('div', { class: 'scroll' }, table([
    { title: 'Variant', cell: c => visible(c.variant) },
    { title: 'Outcome', cell: c => h('span', { title: `${stat(`costPer.${c.outcome}`).label}: ${stat(`costPer.${c.outcome}`).definition}` }, figure(figures, c.outcome).label) },
    { title: h('span', { title: stat('extraSpending').definition }, stat('extraSpending').label), numeric: true, cell: c => format(spending, value(c.extraSpending.mean)) },
    { title: 'Change in the outcome (95% CI)', numeric: true, cell: c => change(figure(figures, c.outcome), c.extraOutcome) },
    { title: 'Yuan per additional unit', numeric: true, cell: c => (c.defined
      ? format(stat(`costPer.${c.outcome}`), value(c.yuanPerUnit))
      : h('span', { class: 'muted', title: c.note }, `not defined: ${c.why ?? c.note}`)) },
    { title: '95% CI', cell: c => (c.defined ? `${format(stat(`costPer.${c.outcome}`), value(c.low))} to ${format(stat(`costPer.${c.outcome}`), value(c.high))}` : '–') },
  ], report.costs ?? [], c => ({ 'data-variant': c.variant, 'data-outcome': c.outcome, 'data-defined': String(c.defined) })));
}

/** A city picker of scenario and figure, the cities' table and the change in each city as an interval chart. */
export function citiesPanel(report, figures, intervalsOption) {
  const rows = report.cities ?? [];
  const scenarios = [...new Set(rows.map(r => r.scenario))];
  const metrics = [...new Set(rows.map(r => r.metric))];
  const scenario = h('select', { id: 'city-scenario', 'aria-label': 'Scenario' }, scenarios.map(s => h('option', { value: s }, visible(s))));
  const metric = h('select', { id: 'city-metric', 'aria-label': 'Figure' }, metrics.map(m => h('option', { value: m }, figure(figures, m).label)));
  if (scenarios.length > 1) scenario.value = scenarios[1];
  const body = h('div', { id: 'city-table', class: 'scroll' });
  const chart = chartBox('city-chart', 320);
  const mean = figure(figures, 'cityMean', 'statistic');
  const change = figure(figures, 'cityDifference', 'statistic');
  function show() {
    const f = figure(figures, metric.value);
    const chosen = rows.filter(r => r.scenario === scenario.value && r.metric === metric.value);
    const base = city => rows.find(r => r.scenario === report.baseline && r.metric === metric.value && r.city === city);
    const interval = s => `${format(f, value(s.low))} to ${format(f, value(s.high))}`;
    body.replaceChildren(table([
      { title: 'City', cell: r => r.city },
      { title: h('span', { title: mean.definition }, `${mean.label}: ${report.baseline}`), numeric: true, cell: r => format(f, value(base(r.city)?.value.mean)) },
      { title: h('span', { title: mean.definition }, `${mean.label}: ${scenario.value}`), numeric: true, cell: r => format(f, value(r.value.mean)) },
      { title: h('span', { title: change.definition }, change.label), numeric: true, cell: r => (r.difference ? format(f, value(r.difference.mean)) : '–') },
      { title: '95% CI', cell: r => interval(r.difference ?? r.value) },
    ], chosen, r => ({ 'data-city': r.city })));
    const charted = chosen.map(r => ({ variant: r.city, statistics: { difference: r.difference ?? r.value } }));
    const differs = chosen.some(r => r.difference);
    draw(chart, intervalsOption(`${differs ? change.label : mean.label}: ${f.heading}`, charted));
  }
  scenario.addEventListener('change', show);
  metric.addEventListener('change', show);
  return { controls: h('span', {}, h('label', {}, 'scenario ', scenario), ' ', h('label', {}, 'figure ', metric)), body: h('div', {}, body, chart), show };
}
