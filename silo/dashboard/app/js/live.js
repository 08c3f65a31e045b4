// Live run: progress, the headline figures month by month, the chain's Sankey, flows between
// the 11 cities, cross-border shares and policy spending. Months stream in as server-sent
// events; the other panels are re-read from the results store every two seconds at most,
// so watching never slows the run.

import { api, isAbort } from './api.js';
import { draw, emptyTitle, warmUpArea } from './charts.js';
import { card, chartBox, figureCard, h, showError, statusBadge, table, titleCard, visible } from './dom.js';
import { FLOW_KINDS } from './domain.js';
import { sankeyOption } from './chain-charts.js';
import { figure, format, loadFigures, ordered } from './figures.js';
import { chordOption } from './flow-charts.js';
import { number, percent, seconds } from './format.js';
import { href } from './routes.js';

/**
 * The headline figures charted month by month, named by the catalogue's monthly figures (their
 * labels and units title the charts); patents chart invention and other patents together.
 */
const HEADLINES = [
  { names: ['highTechEnterprises'] },
  { names: ['firms'] },
  { names: ['inventionPatents', 'otherPatents'], figure: 'patentsGranted' },
  { names: ['researchResults'] },
  { names: ['talentEmployed'] },
  { names: ['transactionValue'] },
];

/** A chart's title from the catalogue: the figure's label and unit. */
function headlineTitle(headline, figures) {
  return figure(figures, headline.figure ?? headline.names[0], 'monthly').heading;
}

const PANEL_REFRESH_MS = 2000;
const UNFINISHED = ['queued', 'running'];

export async function render(root, { runId, signal }) {
  const status = h('span', { id: 'live-status' }, statusBadge('…'));
  const progress = h('progress', { id: 'live-progress', max: 1, value: 0 });
  const month = h('span', { id: 'live-month', class: 'muted' }, 'waiting for the first month…');
  const title = h('h1', {}, 'Run ', h('code', {}, runId));
  // Shown only while the silo keeps the run's grains, which the inspector reads.
  const grainsLink = h('a', { href: href('inspector', runId, 'city', 'Shenzhen'), id: 'live-grains', hidden: true }, 'grain inspector');
  api.inspectable(signal).then(held => { grainsLink.hidden = !held.runIds.includes(runId); }).catch(() => {});
  const flowKind = h('select', { id: 'flow-kind', 'aria-label': 'Flow kind' }, FLOW_KINDS.map(k => h('option', { value: k.code }, k.name)));
  const summary = h('div', { id: 'live-summary' }, h('p', { class: 'muted' }, 'The headline figures appear when the run completes.'));
  const boxes = {
    headlines: chartBox('headline-chart', 440),
    chain: chartBox('chain-chart', 380),
    flows: chartBox('flows-chart', 360),
    border: chartBox('border-chart', 260),
    policy: chartBox('policy-chart', 260),
  };

  const figures = await loadFigures();
  const flowCard = figureCard(figure(figures, `flow.${flowKind.value}`, 'flow'), { note: h('label', {}, 'kind ', flowKind) }, boxes.flows);
  root.append(
    h('div', { class: 'view-header' }, title, status,
      h('div', { class: 'progress-line' }, progress, month),
      h('span', { class: 'links' },
        h('a', { href: href('chain', runId) }, 'chain over time'),
        h('a', { href: href('traces', runId) }, 'trace explorer'),
        grainsLink)),
    h('div', { class: 'cards' },
      card('Headline figures', { wide: true, note: 'region, month by month' }, boxes.headlines),
      figureCard(figure(figures, 'chain.stages', 'chain'), { wide: true, note: 'technologies reaching each stage, and where they stall' }, boxes.chain),
      flowCard,
      figureCard(figure(figures, 'flow.crossBorderShare', 'flow'), { note: 'of flows between two different cities' }, boxes.border),
      figureCard(figure(figures, 'policySpending', 'monthly'), { wide: true, note: 'each policy, at full scale' }, boxes.policy),
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
      draw(boxes.headlines, headlineOption([...months.values()].sort((a, b) => a.month - b.month), figures));
    });
  }

  async function refreshPanels() {
    panelsBusy = true;
    try {
      const [chain, policies, ...byKind] = await Promise.all([
        api.chain(runId, signal), api.policies(runId, signal), ...FLOW_KINDS.map(k => api.flows(runId, k.code, signal))]);
      flows = Object.fromEntries(byKind.map(f => [f.kind, f]));
      draw(boxes.chain, sankeyOption(chain.stages));
      draw(boxes.flows, chordOption(flows[flowKind.value]));
      draw(boxes.border, borderOption(byKind));
      draw(boxes.policy, policyOption(policies, figure(figures, 'policySpending', 'monthly')));
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
    titleCard(flowCard, figure(figures, `flow.${flowKind.value}`, 'flow'));
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
function headlineOption(series, figures) {
  const grids = HEADLINES.map((_, i) => ({
    left: `${4 + (i % 3) * 33}%`, width: '26%', top: i < 3 ? 40 : 262, height: 150, containLabel: false,
  }));
  const axisMonths = series.map(m => m.yearMonth);
  return {
    title: HEADLINES.map((headline, i) => ({ text: headlineTitle(headline, figures), left: grids[i].left, top: grids[i].top - 30, textStyle: { fontSize: 12, fontWeight: 600 } })),
    tooltip: { trigger: 'axis', valueFormatter: number },
    grid: grids,
    xAxis: HEADLINES.map((_, i) => ({ type: 'category', gridIndex: i, data: axisMonths, boundaryGap: false, axisLabel: { fontSize: 10 } })),
    // Every axis starts at zero, so that the first months' dip reads as the dip it is.
    yAxis: HEADLINES.map((_, i) => ({ type: 'value', gridIndex: i, min: 0, axisLabel: { fontSize: 10, formatter: number }, splitLine: { lineStyle: { color: '#eef0f4' } } })),
    series: HEADLINES.map((headline, i) => ({
      name: headlineTitle(headline, figures), type: 'line', xAxisIndex: i, yAxisIndex: i, showSymbol: false, smooth: false,
      lineStyle: { width: 2 }, areaStyle: { opacity: 0.08 },
      data: series.map(m => headline.names.reduce((sum, name) => sum + (m.figures[name] ?? 0), 0)),
      markArea: warmUpArea(axisMonths),
    })),
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

function policyOption(policies, spending) {
  if (!policies.policies.length) return { title: emptyTitle('This scenario has no policies.') };
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: v => format(spending, v) },
    xAxis: { type: 'category', data: policies.months, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: v => format(spending, v) } },
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
