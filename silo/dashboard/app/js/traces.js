// Trace explorer: find chain traces by city, sector and furthest stage; open one technology's
// journey across grains as a waterfall; and see the runtime trace of the run's steps.

import { api, isAbort } from './api.js';
import { draw, emptyTitle, timelineOption } from './charts.js';
import { card, chartBox, escapeHtml, h, showError, table } from './dom.js';
import { CITIES, SECTORS, STAGES, STALLED_COLOR, sectorName, stageColor, stageName } from './domain.js';
import { monthLabel, number } from './format.js';
import { grainHref, href } from './routes.js';

const MAX_SPANS = 300;

export async function render(root, { runId, rest, signal }) {
  const city = select('trace-city', 'Any city', CITIES.map(c => [c, c]));
  const sector = select('trace-sector', 'Any sector', SECTORS.map(s => [s.code, s.name]));
  const stage = select('trace-stage', 'Any stage', STAGES.map(s => [s.code, s.name]));
  const results = h('div', { id: 'trace-results' });
  const journeyTitle = h('p', { id: 'journey-title', class: 'muted' }, 'Choose a technology above to see its journey.');
  const journeyChart = chartBox('journey-chart', 280);
  const journeySteps = h('div', { id: 'journey-steps' });
  const runtimeNote = h('p', { class: 'muted', id: 'runtime-trace-note' });
  const runtimeChart = chartBox('runtime-trace-chart', 260);

  const form = h('form', { class: 'filters', id: 'trace-filters' },
    h('label', {}, 'City (origin or any step)', city),
    h('label', {}, 'Sector', sector),
    h('label', {}, 'Furthest stage reached', stage),
    h('button', { type: 'submit', id: 'trace-find' }, 'Find traces'));

  root.append(
    h('div', { class: 'view-header' }, h('h1', {}, 'Trace explorer ', h('code', {}, runId)),
      h('span', { class: 'links' }, h('a', { href: href('live', runId) }, 'live run'))),
    h('div', { class: 'cards' },
      card('Chain traces', { wide: true, note: 'furthest-reaching first' }, form, results),
      card("A technology's journey across grains", { wide: true, id: 'journey-card' }, journeyTitle, journeyChart, journeySteps),
      card("Runtime trace of the run's steps", { wide: true }, runtimeNote, runtimeChart)));

  async function find() {
    results.replaceChildren(h('p', { class: 'muted' }, 'Searching…'));
    try {
      const found = await api.technologies(runId, { city: city.value, sector: sector.value, stage: stage.value }, signal);
      results.replaceChildren(
        h('p', { class: 'muted' }, `${found.technologies.length} trace${found.technologies.length === 1 ? '' : 's'}${found.technologies.length === found.limit ? ` (the first ${found.limit})` : ''}.`),
        h('div', { class: 'scroll' }, tracesTable(found.technologies)));
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
        h('strong', {}, `Technology ${t.id}`),
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
      { title: 'Technology', cell: t => h('a', { href: href('traces', runId, t.id), onclick: e => e.preventDefault() }, String(t.id)) },
      { title: 'Sector', cell: t => sectorName(t.sector) },
      { title: 'Origin', cell: t => t.originCity },
      { title: 'Furthest stage', cell: t => h('span', { class: 'stage', style: `--stage:${stageColor(t.furthestStage)}` }, stageName(t.furthestStage)) },
      { title: 'Outcome', cell: t => t.outcome },
      { title: 'Months', cell: t => `${t.firstMonth}–${t.lastMonth}`, numeric: true },
      { title: 'Transitions', cell: t => t.transitions, numeric: true },
    ], technologies, t => ({ 'data-technology': t.id, class: 'clickable', onclick: () => open(t.id) }));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    find();
  });

  draw(journeyChart, { title: emptyTitle('No technology chosen yet.') });
  const loads = [find(), loadRuntimeTrace(runId, runtimeChart, runtimeNote, signal)];
  if (rest[0]) loads.push(open(Number(rest[0]), { scroll: false }));
  await Promise.all(loads);
}

function select(id, anyLabel, options) {
  return h('select', { id }, h('option', { value: '' }, anyLabel), options.map(([value, label]) => h('option', { value }, label)));
}

/** The journey as a waterfall: one bar per transition, from its month until the next one. */
function journeyOption(steps) {
  const known = steps[0];
  const rows = steps.map((step, i) => {
    const next = steps[i + 1];
    const stalled = step.outcome === 'stalled';
    return {
      label: `${stalled ? `stalled at ${stageName(step.from).toLowerCase()}` : stageName(step.to)} · ${step.holder}`,
      start: step.month,
      length: Math.max(next ? next.month - step.month : 1, 0.4),
      color: stalled ? STALLED_COLOR : stageColor(step.to),
      tooltip: [
        `${step.yearMonth}: ${stageName(step.from)} → ${stageName(step.to)} (${step.outcome})`,
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
    { title: 'Stage', cell: s => `${stageName(s.from)} → ${stageName(s.to)}` },
    { title: 'Outcome', cell: s => s.outcome },
    { title: 'Holder', cell: s => h('a', { href: grainHref(runId, s.holder) }, s.holder) },
    { title: 'City', cell: s => s.city },
    { title: 'Crossed a border', cell: s => (s.crossedBorder ? 'yes' : 'no') },
    { title: 'Funding (¥M)', cell: s => number(s.fundingMillions), numeric: true },
    { title: 'Readiness', cell: s => s.readiness, numeric: true },
  ], steps);
}

async function loadRuntimeTrace(runId, box, note, signal) {
  try {
    const trace = await api.trace(runId, signal);
    const at = s => (typeof s.start === 'number' ? s.start : Date.parse(s.start));
    const spans = [...trace.spans].sort((a, b) => at(a) - at(b) || (a.parentId ? 1 : 0) - (b.parentId ? 1 : 0)).slice(0, MAX_SPANS);
    note.textContent = `Trace ${trace.traceId} · ${trace.spans.length} spans${trace.spans.length > MAX_SPANS ? ` (the first ${MAX_SPANS} shown)` : ''}.`;
    if (!spans.length) {
      draw(box, { title: emptyTitle('The run has no spans yet.') });
      return;
    }
    const t0 = Math.min(...spans.map(at));
    box.style.height = `${Math.min(900, Math.max(220, spans.length * 16 + 70))}px`;
    draw(box, timelineOption(spans.map(s => ({
      label: s.name,
      start: at(s) - t0,
      length: Math.max(s.durationMs, 0.01),
      color: s.parentId ? '#5470c6' : '#8a94a6',
      tooltip: [`${s.name}: ${number(s.durationMs)} ms`, ...Object.entries(s.tags ?? {}).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)].map(escapeHtml).join('<br>'),
    })), { axisName: 'ms since the run started', axisLabel: number }));
  } catch (error) {
    if (!isAbort(error)) showError(note, error);
  }
}
