// Live run: progress, the headline figures month by month, the chain's Sankey, flows between
// the 11 cities, cross-border shares and policy spending. Months stream in as server-sent
// events; the other panels are re-read from the results store every two seconds at most,
// so watching never slows the run.

import { api, isAbort } from './api.js';
import { draw, emptyTitle } from './charts.js';
import { card, chartBox, escapeHtml, h, showError, statusBadge, table, visible } from './dom.js';
import { CITIES, FLOW_KINDS, STALLED_COLOR, stageColor, stageName } from './domain.js';
import { figure, format, loadFigures, ordered } from './figures.js';
import { number, percent, seconds, yuan } from './format.js';
import { href } from './routes.js';

/** The headline figures charted month by month (docs/model.md, "Headline figures"). */
const HEADLINES = [
  { title: 'High-tech enterprises', value: f => f.highTechEnterprises },
  { title: 'Firms', value: f => f.firms },
  { title: 'Patents granted in the month', value: f => f.inventionPatents + f.otherPatents },
  { title: 'Research results in the month', value: f => f.researchResults },
  { title: 'R&D talent employed by firms', value: f => f.talentEmployed },
  { title: 'Technology transactions in the month (yuan)', value: f => f.transactionValue },
];

const PANEL_REFRESH_MS = 2000;
const UNFINISHED = ['queued', 'running'];

export async function render(root, { runId, signal }) {
  const status = h('span', { id: 'live-status' }, statusBadge('…'));
  const progress = h('progress', { id: 'live-progress', max: 1, value: 0 });
  const month = h('span', { id: 'live-month', class: 'muted' }, 'waiting for the first month…');
  const title = h('h1', {}, 'Run ', h('code', {}, runId));
  const flowKind = h('select', { id: 'flow-kind', 'aria-label': 'Flow kind' }, FLOW_KINDS.map(k => h('option', { value: k.code }, k.name)));
  const summary = h('div', { id: 'live-summary' }, h('p', { class: 'muted' }, 'The headline figures appear when the run completes.'));
  const boxes = {
    headlines: chartBox('headline-chart', 440),
    chain: chartBox('chain-chart', 380),
    flows: chartBox('flows-chart', 360),
    border: chartBox('border-chart', 260),
    policy: chartBox('policy-chart', 260),
  };

  root.append(
    h('div', { class: 'view-header' }, title, status,
      h('div', { class: 'progress-line' }, progress, month),
      h('span', { class: 'links' },
        h('a', { href: href('traces', runId) }, 'trace explorer'),
        h('a', { href: href('inspector', runId, 'city', 'Shenzhen') }, 'grain inspector'))),
    h('div', { class: 'cards' },
      card('Headline figures', { wide: true, note: 'region, month by month' }, boxes.headlines),
      card('The chain', { wide: true, note: 'technologies reaching each stage, and where they stall' }, boxes.chain),
      card('Flows between the cities', { note: h('label', {}, 'kind ', flowKind) }, boxes.flows),
      card('Cross-border shares', { note: 'of flows between two different cities' }, boxes.border),
      card('Policy spending', { wide: true, note: 'yuan a month, at full scale' }, boxes.policy),
      card('Summary', { wide: true }, summary)));

  const months = new Map();
  let flows = {};
  let finished = false;
  let frame = 0;
  let panelTimer = 0;
  let panelsDue = false;
  let panelsBusy = false;

  function showProgress(done, total, yearMonth) {
    progress.max = total;
    progress.value = done;
    month.textContent = `month ${done} of ${total}${yearMonth ? ` · ${yearMonth}` : ''}`;
  }

  function drawHeadlinesSoon() {
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      draw(boxes.headlines, headlineOption([...months.values()].sort((a, b) => a.month - b.month)));
    });
  }

  async function refreshPanels() {
    panelsBusy = true;
    try {
      const [chain, policies, ...byKind] = await Promise.all([
        api.chain(runId, signal), api.policies(runId, signal), ...FLOW_KINDS.map(k => api.flows(runId, k.code, signal))]);
      flows = Object.fromEntries(byKind.map(f => [f.kind, f]));
      draw(boxes.chain, sankeyOption(chain));
      draw(boxes.flows, chordOption(flows[flowKind.value]));
      draw(boxes.border, borderOption(byKind));
      draw(boxes.policy, policyOption(policies));
    } catch (error) {
      if (!isAbort(error)) showError(summary, error);
    } finally {
      panelsBusy = false;
    }
  }

  /** Refreshes the panels now if none is under way, then at most every PANEL_REFRESH_MS while months arrive. */
  function refreshPanelsSoon() {
    panelsDue = true;
    if (panelTimer) return;
    const tick = async () => {
      panelTimer = 0;
      if (!panelsDue || signal.aborted) return;
      if (panelsBusy) {
        panelTimer = setTimeout(tick, 100);
        return;
      }
      panelsDue = false;
      await refreshPanels();
      if (panelsDue && !signal.aborted) panelTimer = setTimeout(tick, PANEL_REFRESH_MS);
    };
    panelTimer = setTimeout(tick, 0);
  }

  function showRun(run) {
    status.replaceChildren(statusBadge(run.status));
    title.replaceChildren(`${run.scenario} `, h('code', {}, run.id));
    if (!months.size) showProgress(run.monthsDone, run.months);
    if (run.summary) loadFigures().then(figures => summary.replaceChildren(summaryTable(run, figures)));
    else if (run.error) showError(summary, new Error(run.error));
  }

  flowKind.addEventListener('change', () => {
    if (flows[flowKind.value]) draw(boxes.flows, chordOption(flows[flowKind.value]));
  });

  draw(boxes.headlines, { title: emptyTitle('Waiting for the first month…') });
  const run = await api.run(runId, signal);
  const replaying = !UNFINISHED.includes(run.status);
  showRun(run);
  await refreshPanels();

  const events = api.events(runId);
  events.addEventListener('month', event => {
    const data = JSON.parse(event.data);
    months.set(data.month.month, data.month);
    showProgress(data.monthsDone, data.monthsTotal, data.month.yearMonth);
    if (!replaying && !finished && status.textContent !== 'running') status.replaceChildren(statusBadge('running'));
    drawHeadlinesSoon();
    if (!finished) refreshPanelsSoon();
  });
  events.addEventListener('status', event => {
    finished = true;
    events.close();
    const final = JSON.parse(event.data);
    showRun(final);
    window.dispatchEvent(new Event('gbasim:runs-changed'));
    showProgress(final.monthsDone, final.months, months.get(final.monthsDone - 1)?.yearMonth);
    clearTimeout(panelTimer);
    panelTimer = 0;
    refreshPanels();
  });

  return () => {
    events.close();
    cancelAnimationFrame(frame);
    clearTimeout(panelTimer);
  };
}

/** Small multiples: one line chart per headline figure, three across and two down. */
function headlineOption(series) {
  const grids = HEADLINES.map((_, i) => ({
    left: `${4 + (i % 3) * 33}%`, width: '26%', top: i < 3 ? 40 : 262, height: 150, containLabel: false,
  }));
  const axisMonths = series.map(m => m.yearMonth);
  return {
    title: HEADLINES.map((figure, i) => ({ text: figure.title, left: grids[i].left, top: grids[i].top - 30, textStyle: { fontSize: 12, fontWeight: 600 } })),
    tooltip: { trigger: 'axis', valueFormatter: number },
    grid: grids,
    xAxis: HEADLINES.map((_, i) => ({ type: 'category', gridIndex: i, data: axisMonths, boundaryGap: false, axisLabel: { fontSize: 10 } })),
    yAxis: HEADLINES.map((_, i) => ({ type: 'value', gridIndex: i, scale: true, axisLabel: { fontSize: 10, formatter: number }, splitLine: { lineStyle: { color: '#eef0f4' } } })),
    series: HEADLINES.map((figure, i) => ({
      name: figure.title, type: 'line', xAxisIndex: i, yAxisIndex: i, showSymbol: false, smooth: false,
      lineStyle: { width: 2 }, areaStyle: { opacity: 0.08 },
      data: series.map(m => figure.value(m.figures)),
    })),
  };
}

/** The chain as a Sankey: each stage flows on to the next, to "stalled" and to "still at". */
function sankeyOption(chain) {
  const nodes = [];
  const links = [];
  const stages = chain.stages;
  stages.forEach((stage, i) => {
    const name = stageName(stage.stage);
    nodes.push({ name, itemStyle: { color: stageColor(stage.stage) } });
    const next = stages[i + 1];
    if (next?.reached > 0) links.push({ source: name, target: stageName(next.stage), value: next.reached });
    if (stage.stalled > 0) {
      const stalled = `Stalled at ${name.toLowerCase()}`;
      nodes.push({ name: stalled, itemStyle: { color: STALLED_COLOR } });
      links.push({ source: name, target: stalled, value: stage.stalled });
    }
    const waiting = next ? stage.reached - next.reached - stage.stalled : 0;
    if (waiting > 0) {
      const still = `Still at ${name.toLowerCase()}`;
      nodes.push({ name: still, itemStyle: { color: '#c0c6d2' } });
      links.push({ source: name, target: still, value: waiting });
    }
  });
  const linked = new Set(links.flatMap(l => [l.source, l.target]));
  if (!links.length) return { title: emptyTitle('No technology has moved along the chain yet.') };
  return {
    tooltip: { trigger: 'item', valueFormatter: number },
    series: [{
      type: 'sankey', left: 8, right: 170, top: 12, bottom: 12, nodeAlign: 'left', nodeGap: 10, draggable: false,
      emphasis: { focus: 'adjacency' },
      label: { fontSize: 11 },
      lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
      data: nodes.filter(n => linked.has(n.name)),
      links,
    }],
  };
}

/** Flows between the 11 cities as a chord; flows within a city are left out. */
function chordOption(flows) {
  const links = (flows?.flows ?? []).filter(f => f.from !== f.to && f.amount > 0)
    .map(f => ({ source: f.from, target: f.to, value: f.amount, lineStyle: f.crossesBorder ? { opacity: 0.45 } : undefined }));
  if (!links.length) return { title: emptyTitle(`No ${flows?.kind ?? ''} flows between cities yet.`) };
  const format = flows.unit === 'yuan' ? yuan : number;
  return {
    tooltip: {
      trigger: 'item',
      formatter: p => escapeHtml(p.dataType === 'edge' ? `${p.data.source} → ${p.data.target}: ${format(p.data.value)} ${flows.unit === 'yuan' ? '' : flows.unit}` : `${p.name}`),
    },
    series: [{
      type: 'chord', radius: ['62%', '70%'], padAngle: 2, minAngle: 3, clockwise: false,
      label: { show: true, fontSize: 11 },
      lineStyle: { color: 'source', opacity: 0.25 },
      data: CITIES.map(name => ({ name })),
      links,
    }],
  };
}

function borderOption(byKind) {
  const shares = FLOW_KINDS.map(k => byKind.find(f => f.kind === k.code)?.crossBorderShare ?? null);
  if (shares.every(s => s === null)) return { title: emptyTitle('No flows between cities yet.') };
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: v => percent(v / 100) },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: FLOW_KINDS.map(k => k.name), inverse: true },
    series: [{
      type: 'bar', barMaxWidth: 26, name: 'crossing a border',
      data: shares.map(s => (s === null ? null : Math.round(s * 1000) / 10)),
      label: { show: true, position: 'right', formatter: p => `${p.value}%` },
      itemStyle: { color: '#5470c6', borderRadius: 3 },
    }],
  };
}

function policyOption(policies) {
  if (!policies.policies.length) return { title: emptyTitle('This scenario has no policies.') };
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: yuan },
    xAxis: { type: 'category', data: policies.months },
    yAxis: { type: 'value', axisLabel: { formatter: yuan } },
    series: policies.policies.map(p => ({ name: visible(p.name), type: 'bar', stack: 'spending', data: p.spent, barMaxWidth: 14 })),
  };
}

/** The headline figures in the catalogue's order and words, each with its definition as a tooltip. */
function summaryTable(run, figures) {
  const rows = ordered(figures, Object.keys(run.summary)).map(name => [figure(figures, name), run.summary[name]]);
  return h('div', {},
    h('p', { class: 'muted' }, `Completed in ${seconds(run.seconds)}; result hash `, h('code', {}, run.resultHash ?? '–')),
    table([
      { title: 'Headline figure', cell: ([f]) => h('span', { title: `${f.definition} Cities: ${f.scope}.` }, f.label) },
      { title: 'Value', cell: ([f, value]) => format(f, value), numeric: true },
      { title: 'Unit', cell: ([f]) => f.unit },
    ], rows, ([f]) => ({ 'data-figure': f.name })));
}
