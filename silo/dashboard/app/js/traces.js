// Trace explorer: find chain traces by city, sector and furthest stage, a page at a time with
// the total found; open one technology's journey across grains as a waterfall. The runtime trace
// of the run's steps has its own view (runtime.js).

import { api, isAbort } from './api.js';
import { draw, emptyTitle, timelineOption } from './charts.js';
import { card, chartBox, escapeHtml, h, showError, table } from './dom.js';
import { CHAIN_COLORS, CITIES, SECTORS, STAGES, sectorName, stageColor, stageName, stalledName } from './domain.js';
import { monthLabel, number } from './format.js';
import { grainHref, href } from './routes.js';

const PAGE = 50;

export async function render(root, { runId, rest, signal }) {
  const city = select('trace-city', 'Any city', CITIES.map(c => [c, c]));
  const sector = select('trace-sector', 'Any sector', SECTORS.map(s => [s.code, s.name]));
  const stage = select('trace-stage', 'Any stage', STAGES.map(s => [s.code, s.name]));
  const results = h('div', { id: 'trace-results' });
  const journeyTitle = h('p', { id: 'journey-title', class: 'muted' }, 'Choose a technology above to see its journey.');
  const journeyChart = chartBox('journey-chart', 280);
  const journeySteps = h('div', { id: 'journey-steps' });
  const pager = h('div', { class: 'pager', id: 'trace-pager' });
  let offset = 0;

  const form = h('form', { class: 'filters', id: 'trace-filters' },
    h('label', {}, 'City (origin or any step)', city),
    h('label', {}, 'Sector', sector),
    h('label', {}, 'Furthest stage reached', stage),
    h('button', { type: 'submit', id: 'trace-find' }, 'Find traces'));

  root.append(
    h('div', { class: 'view-header' }, h('h1', {}, 'Trace explorer ', h('code', {}, runId)),
      h('span', { class: 'links' }, h('a', { href: href('live', runId) }, 'live run'), h('a', { href: href('runtime', runId) }, 'runtime trace'))),
    h('div', { class: 'cards' },
      card('Chain traces', { wide: true, note: 'furthest-reaching first' }, form, results, pager),
      card("A technology's journey across grains", { wide: true, id: 'journey-card' }, journeyTitle, journeyChart, journeySteps)));

  async function find() {
    results.replaceChildren(h('p', { class: 'muted' }, 'Searching…'));
    try {
      const found = await api.technologies(runId, { city: city.value, sector: sector.value, stage: stage.value, limit: PAGE, offset }, signal);
      const shown = found.technologies.length;
      results.replaceChildren(
        h('p', { class: 'muted', id: 'trace-count' }, found.total === 0 ? 'No chain trace matches.'
          : `${number(found.offset + 1)}–${number(found.offset + shown)} of ${number(found.total)} trace${found.total === 1 ? '' : 's'}.`),
        h('div', { class: 'scroll' }, tracesTable(found.technologies)));
      pager.replaceChildren(
        h('button', { type: 'button', id: 'trace-previous', disabled: found.offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); find(); } }, '◀ Previous'),
        h('button', { type: 'button', id: 'trace-next', disabled: found.offset + shown >= found.total, onclick: () => { offset += PAGE; find(); } }, 'Next ▶'));
    } catch (error) {
      if (!isAbort(error)) showError(results, error);
    }
  }

  async function open(technologyId, { scroll = true } = {}) {
    history.replaceState(null, '', href('traces', runId, technologyId));
    for (const row of results.querySelectorAll('tr[data-technology]')) row.classList.toggle('selected', row.dataset.technology === String(technologyId));
    journeyTitle.textContent = `Loading technology ${technologyId}…`;
    try {
      const journey = await api.journey(runId, technologyId, signal);
      const t = journey.technology;
      journeyTitle.replaceChildren(
        h('strong', {}, `Technology ${t.name}`),
        ` · ${sectorName(t.sector)} · discovered in ${t.originCity} · furthest stage ${stageName(t.furthestStage)} · ${t.outcome} · ${journey.steps.length} transitions`);
      draw(journeyChart, journeyOption(journey.steps));
      journeySteps.replaceChildren(stepsTable(runId, journey.steps));
      if (scroll) document.getElementById('journey-card')?.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      if (!isAbort(error)) showError(journeySteps, error);
    }
  }

  function tracesTable(technologies) {
    if (!technologies.length) return h('p', { class: 'muted' }, 'No chain trace matches.');
    return table([
      { title: 'Technology', cell: t => h('a', { href: href('traces', runId, t.id), onclick: e => e.preventDefault(), title: `id ${t.id}` }, t.name) },
      { title: 'Sector', cell: t => sectorName(t.sector) },
      { title: 'Origin', cell: t => t.originCity },
      { title: 'Furthest stage', cell: t => h('span', { class: 'stage', style: `--stage:${stageColor(t.furthestStage)}` }, stageName(t.furthestStage)) },
      { title: 'Outcome', cell: t => t.outcome },
      { title: 'Months', cell: t => (t.firstYearMonth === t.lastYearMonth ? t.firstYearMonth : `${t.firstYearMonth} – ${t.lastYearMonth}`) },
      { title: 'Transitions', cell: t => t.transitions, numeric: true },
    ], technologies, t => ({ 'data-technology': t.id, class: 'clickable', onclick: () => open(t.id) }));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    offset = 0;
    find();
  });

  draw(journeyChart, { title: emptyTitle('No technology chosen yet.') });
  const loads = [find()];
  if (rest[0]) loads.push(open(Number(rest[0]), { scroll: false }));
  await Promise.all(loads);
}

function select(id, anyLabel, options) {
  return h('select', { id }, h('option', { value: '' }, anyLabel), options.map(([value, label]) => h('option', { value }, label)));
}

/** A transition in words: a discovery (recorded as basic research to basic research), a move on, or a stall. */
function stepName(step) {
  if (step.outcome === 'stalled') return stalledName(step.from);
  if (step.from === step.to) return `Discovered (${stageName(step.to).toLowerCase()})`;
  return `${stageName(step.from)} → ${stageName(step.to)}`;
}

/** The journey as a waterfall: one bar per transition, from its month until the next one. */
function journeyOption(steps) {
  const known = steps[0];
  const rows = steps.map((step, i) => {
    const next = steps[i + 1];
    const stalled = step.outcome === 'stalled';
    return {
      label: `${stepName(step)} · ${step.holder}`,
      start: step.month,
      length: Math.max(next ? next.month - step.month : 1, 0.4),
      color: stalled ? CHAIN_COLORS.stalled : stageColor(step.to),
      tooltip: [
        `${step.yearMonth}: ${stepName(step)}`,
        `held by ${step.holder} in ${step.city}${step.crossedBorder ? ', across a border' : ''}`,
        `readiness ${step.readiness}; funding so far ¥${number(step.fundingMillions)}M`,
      ].map(escapeHtml).join('<br>'),
    };
  });
  return timelineOption(rows, { axisName: 'month', axisLabel: m => (Number.isInteger(m) ? monthLabel(known, m) : '') });
}

function stepsTable(runId, steps) {
  return table([
    { title: 'Month', cell: s => s.yearMonth },
    { title: 'Step', cell: s => stepName(s) },
    { title: 'Holder', cell: s => h('a', { href: grainHref(runId, s.holder) }, s.holder) },
    { title: 'City', cell: s => s.city },
    { title: 'Crossed a border', cell: s => (s.crossedBorder ? 'yes' : 'no') },
    { title: 'Funding (¥M)', cell: s => number(s.fundingMillions), numeric: true },
    { title: 'Readiness', cell: s => s.readiness, numeric: true },
  ], steps);
}
