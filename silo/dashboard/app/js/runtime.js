// Runtime: how the silo carried a run. The run's runtime trace as swimlanes, one lane for the
// run's steps and one per shard, on an axis that spans the spans (zoomable), beside the Orleans
// Dashboard (/orleans/) for silos, grain activations and calls.

import { api, isAbort } from './api.js';
import { draw, emptyTitle } from './charts.js';
import { card, chartBox, escapeHtml, h, showError } from './dom.js';
import { number } from './format.js';
import { href } from './routes.js';

const STEP_TAG = 'gbasim.step';
const SHARD_TAG = 'gbasim.shard';
// Neighbouring steps alternate between two shades, so that each step's shard bars read as one group.
const STEP_SHADES = ['#3a66c4', '#8fb0e8'];

export async function render(root, { runId, signal }) {
  const note = h('p', { class: 'muted', id: 'runtime-trace-note' }, 'Loading the runtime trace…');
  const chart = chartBox('runtime-trace-chart', 360);
  root.append(
    h('div', { class: 'view-header' }, h('h1', {}, 'Runtime ', h('code', {}, runId)),
      h('span', { class: 'links' }, h('a', { href: href('live', runId) }, 'live run'), h('a', { id: 'orleans-link', href: 'orleans/', target: '_blank' }, 'Orleans Dashboard in its own tab'))),
    h('div', { class: 'cards' },
      card("The run's steps across its shards", { wide: true, note: 'one lane per shard; drag or scroll the axis to zoom' }, note, chart),
      card('Orleans Dashboard', { wide: true, note: 'silos, grain activations, calls and latency of this silo' },
        h('iframe', { id: 'orleans-frame', src: 'orleans/', title: 'Orleans Dashboard', class: 'orleans-frame' }))));
  try {
    const trace = await api.trace(runId, signal);
    const lanes = swimlanes(trace.spans);
    note.textContent = `Trace ${trace.traceId} · ${number(trace.spans.length)} spans · ${lanes.steps} steps over ${lanes.names.length - 1} shards · ${number(lanes.extent)} ms from the first span to the last.`;
    chart.style.height = `${Math.max(220, lanes.names.length * 26 + 110)}px`;
    draw(chart, lanes.rows.length ? swimlaneOption(lanes) : { title: emptyTitle('The run has no step spans yet.') });
  } catch (error) {
    if (!isAbort(error)) showError(note, error);
  }
}

const startOf = span => (typeof span.start === 'number' ? span.start : Date.parse(span.start));

/** Step spans on the "steps" lane and shard-step spans on their shard's lane, in ms since the first span. */
export function swimlanes(spans) {
  const timed = spans.filter(s => s.tags?.[STEP_TAG] !== undefined);
  const t0 = Math.min(...timed.map(startOf));
  const shards = [...new Set(timed.filter(s => s.tags[SHARD_TAG] !== undefined).map(s => Number(s.tags[SHARD_TAG])))].sort((a, b) => a - b);
  const names = ['steps', ...shards.map(k => `shard ${k}`)];
  const rows = timed.map(s => {
    const shard = s.tags[SHARD_TAG];
    const start = startOf(s) - t0;
    return {
      lane: shard === undefined ? 0 : 1 + shards.indexOf(Number(shard)),
      start,
      end: start + Math.max(s.durationMs, 0.01),
      step: Number(s.tags[STEP_TAG]),
      span: s,
    };
  });
  const extent = rows.length ? Math.max(...rows.map(r => r.end)) : 0;
  return { names, rows, extent, steps: new Set(rows.map(r => r.step)).size };
}

function swimlaneOption({ names, rows, extent }) {
  return {
    grid: { left: 80, right: 24, top: 16, bottom: 70 },
    tooltip: {
      trigger: 'item',
      formatter: p => {
        const r = rows[p.dataIndex];
        return [`${r.span.name} · step ${r.step}`, `${number(r.span.durationMs)} ms, from ${number(r.start)} ms`,
          ...Object.entries(r.span.tags ?? {}).map(([k, v]) => `${k}: ${v}`)].map(escapeHtml).join('<br>');
      },
    },
    // The axis spans the spans themselves, not the run's whole wall-clock time.
    xAxis: { type: 'value', min: 0, max: Math.ceil(extent), name: 'ms since the first step', nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: number } },
    yAxis: { type: 'category', data: names, inverse: true },
    dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 8, height: 18, filterMode: 'weakFilter' }, { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter' }],
    series: [{
      type: 'custom',
      encode: { x: [1, 2], y: 0 },
      data: rows.map(r => [r.lane, r.start, r.end, r.step]),
      renderItem: (params, api) => {
        const from = api.coord([api.value(1), api.value(0)]);
        const to = api.coord([api.value(2), api.value(0)]);
        const height = api.size([0, 1])[1] * 0.7;
        const shape = echarts.graphic.clipRectByRect(
          { x: from[0], y: from[1] - height / 2, width: Math.max(to[0] - from[0], 1), height },
          { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
        return shape && { type: 'rect', shape, style: { fill: STEP_SHADES[api.value(3) % 2] } };
      },
    }],
  };
}
