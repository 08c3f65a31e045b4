// Grain inspector: a grain's state at the run's latest (or final) step; for a city, also its
// ledger's chain counts, the newest transitions recorded there and last month's flows out of it.

import { api, isAbort } from './api.js';
import { draw, emptyTitle } from './charts.js';
import { card, chartBox, figureCard, h, showError, table } from './dom.js';
import { CHAIN_COLORS, CITIES, GRAIN_TYPES, STAGES, stageName } from './domain.js';
import { figure, loadFigures } from './figures.js';
import { number, yuan } from './format.js';
import { grainHref, href } from './routes.js';

const CITY_GRAINS = ['city', 'ledger'];

export async function render(root, { runId, rest, signal }) {
  const [type = 'city', key = 'Shenzhen'] = rest;
  const typeSelect = h('select', { id: 'grain-type' }, GRAIN_TYPES.map(t => h('option', { value: t, selected: t === type }, t)));
  const keyInput = h('input', { id: 'grain-key', value: key, list: 'grain-keys', required: true, size: 28 });
  const form = h('form', { class: 'filters', id: 'grain-form' },
    h('label', {}, 'Grain type', typeSelect),
    h('label', {}, 'Key', keyInput, h('datalist', { id: 'grain-keys' }, CITIES.map(c => h('option', { value: c })))),
    h('button', { type: 'submit', id: 'grain-inspect' }, 'Inspect'),
    h('span', { class: 'muted' }, 'e.g. city/Shenzhen, ledger/Hong Kong, institution/hkust, firm/sz-ict-00042, policy/<name>'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    window.location.hash = href('inspector', runId, typeSelect.value, keyInput.value.trim());
  });

  const grainTitle = h('p', { id: 'grain-title', class: 'muted' }, `Loading ${type}/${key}…`);
  const state = h('div', { id: 'grain-state' });
  const cards = h('div', { class: 'cards' }, card(`${type}/${key}`, { wide: true, note: 'state at the latest step' }, grainTitle, state));
  root.append(
    h('div', { class: 'view-header' }, h('h1', {}, 'Grain inspector ', h('code', {}, runId)),
      h('span', { class: 'links' }, h('a', { href: href('live', runId) }, 'live run'), h('a', { href: href('traces', runId) }, 'trace explorer'))),
    form,
    cards);

  const loads = [showGrain(runId, type, key, grainTitle, state, signal)];
  const city = CITIES.find(c => c.toLowerCase() === key.toLowerCase());
  if (CITY_GRAINS.includes(type) && city) loads.push(showCityActivity(runId, city, cards, signal));
  await Promise.all(loads);
}

async function showGrain(runId, type, key, title, container, signal) {
  try {
    const grain = await api.grain(runId, type, key, signal);
    title.replaceChildren(h('strong', {}, grain.grain), ` · step ${grain.step}`);
    container.replaceChildren(stateTables(grain.state));
  } catch (error) {
    if (!isAbort(error)) showError(container, error);
    title.replaceChildren();
  }
}

/** The state as tables: the grain's own values first, then one table per nested object. */
function stateTables(state) {
  const scalars = Object.entries(state).filter(([, v]) => v === null || typeof v !== 'object');
  const nested = Object.entries(state).filter(([, v]) => v !== null && typeof v === 'object');
  const valueTable = (section, entries) => table([
    { title: 'Field', cell: ([name]) => name },
    { title: 'Value', cell: ([, value]) => show(value), numeric: true },
  ], entries, ([name]) => ({ 'data-field': name, 'data-section': section }));
  return h('div', { class: 'state' },
    scalars.length ? h('div', {}, valueTable('state', scalars)) : null,
    nested.map(([name, value]) => h('div', {},
      h('h3', {}, name),
      Array.isArray(value) ? list(value) : valueTable(name, Object.entries(value)))));
}

function show(value) {
  if (typeof value === 'number') return number(value);
  if (value !== null && typeof value === 'object') return h('code', {}, JSON.stringify(value));
  return String(value);
}

function list(items) {
  if (!items.length) return h('p', { class: 'muted' }, 'none');
  return h('details', {}, h('summary', {}, `${items.length} item${items.length === 1 ? '' : 's'}`), h('pre', {}, JSON.stringify(items, null, 1)));
}

async function showCityActivity(runId, city, cards, signal) {
  const chart = chartBox('ledger-chart', 240);
  const transitions = h('div', { id: 'city-transitions' });
  const flows = h('div', { id: 'city-flows' });
  const figures = await loadFigures();
  cards.append(
    figureCard(figure(figures, 'chain.counts', 'chain'), { note: `in ${city} (ledger/${city})` }, chart),
    card(`Flows out of ${city}`, { note: 'the latest month' }, flows),
    card(`Newest transitions in ${city}`, { wide: true, note: "the ledger's recent messages" }, transitions));
  draw(chart, { title: emptyTitle('Loading…') });
  try {
    const [ledger, activity] = await Promise.all([api.grain(runId, 'ledger', city, signal), api.cityActivity(runId, city, signal)]);
    draw(chart, ledgerOption(ledger.state));
    flows.replaceChildren(activity.flows.length ? table([
      { title: 'Kind', cell: f => f.kind },
      { title: 'To', cell: f => f.to },
      { title: 'Amount', cell: f => (f.kind === 'capital' ? yuan(f.amount) : number(f.amount)), numeric: true },
    ], activity.flows) : h('p', { class: 'muted' }, 'No flows left the city last month.'));
    transitions.replaceChildren(activity.transitions.length ? table([
      { title: 'Month', cell: t => t.yearMonth },
      { title: 'Technology', cell: t => h('a', { href: href('traces', runId, t.technologyId) }, String(t.technologyId)) },
      { title: 'Stage', cell: t => `${stageName(t.from)} → ${stageName(t.to)}` },
      { title: 'Outcome', cell: t => t.outcome },
      { title: 'Holder', cell: t => h('a', { href: grainHref(runId, t.holder) }, t.holder) },
      { title: 'Crossed a border', cell: t => (t.crossedBorder ? 'yes' : 'no') },
    ], activity.transitions) : h('p', { class: 'muted' }, 'No transitions recorded in the city yet.'));
  } catch (error) {
    if (!isAbort(error)) showError(transitions, error);
  }
}

function ledgerOption(ledger) {
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: number },
    xAxis: { type: 'category', data: STAGES.map(s => s.name), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value' },
    series: [
      { name: 'reached', type: 'bar', data: STAGES.map(s => ledger.reached?.[s.code] ?? 0), itemStyle: { color: '#5470c6' } },
      { name: 'stalled', type: 'bar', data: STAGES.map(s => ledger.stalled?.[s.code] ?? 0), itemStyle: { color: CHAIN_COLORS.stalled } },
    ],
  };
}
