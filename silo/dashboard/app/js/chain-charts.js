// The chain drawn two ways, shared by the live view and the chain-over-time view: a Sankey of
// technologies moving from stage to stage (and stalling, or still waiting), and the stage
// counts as bars. Both take stages as [{ stage, reached, stalled }] in chain order.

import { emptyTitle } from './charts.js';
import { CHAIN_COLORS, stageColor, stageName, stalledName, waitingName } from './domain.js';
import { number } from './format.js';

/** The chain as a Sankey: each stage flows on to the next, to "stalled at" and to "still at". */
export function sankeyOption(stages) {
  const nodes = [];
  const links = [];
  stages.forEach((stage, i) => {
    const name = stageName(stage.stage);
    nodes.push({ name, value: stage.reached, itemStyle: { color: stageColor(stage.stage) } });
    const next = stages[i + 1];
    if (next?.reached > 0) links.push({ source: name, target: stageName(next.stage), value: next.reached });
    if (stage.stalled > 0) {
      nodes.push({ name: stalledName(stage.stage), value: stage.stalled, itemStyle: { color: CHAIN_COLORS.stalled } });
      links.push({ source: name, target: stalledName(stage.stage), value: stage.stalled });
    }
    const waiting = next ? stage.reached - next.reached - stage.stalled : 0;
    if (waiting > 0) {
      nodes.push({ name: waitingName(stage.stage), value: waiting, itemStyle: { color: CHAIN_COLORS.waiting } });
      links.push({ source: name, target: waitingName(stage.stage), value: waiting });
    }
  });
  if (!links.length) return { title: emptyTitle('No technology has moved along the chain yet.') };
  const linked = new Set(links.flatMap(l => [l.source, l.target]));
  return {
    tooltip: { trigger: 'item', valueFormatter: number },
    series: [{
      // The right margin holds the longest node label ("Stalled at transformation") in full.
      type: 'sankey', left: 8, right: 200, top: 12, bottom: 12, nodeAlign: 'left', nodeGap: 10, draggable: false,
      emphasis: { focus: 'adjacency' },
      label: { fontSize: 11, overflow: 'none', formatter: p => `${p.name}  ${number(p.value)}` },
      lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
      data: nodes.filter(n => linked.has(n.name)),
      links,
    }],
  };
}

/** Technologies that reached and that stalled at each stage, as bars in the stages' colours. */
export function stageCountsOption(stages, unit) {
  return {
    grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['reached', 'stalled'] },
    tooltip: { trigger: 'axis', valueFormatter: number },
    xAxis: { type: 'category', data: stages.map(s => stageName(s.stage)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: number }, name: unit },
    series: [
      {
        name: 'reached', type: 'bar', barMaxWidth: 34,
        data: stages.map(s => ({ value: s.reached, itemStyle: { color: stageColor(s.stage) } })),
        label: { show: true, position: 'top', formatter: p => number(p.value), fontSize: 10 },
      },
      {
        name: 'stalled', type: 'bar', barMaxWidth: 34, itemStyle: { color: CHAIN_COLORS.stalled },
        data: stages.map(s => s.stalled),
        label: { show: true, position: 'top', formatter: p => number(p.value), fontSize: 10 },
      },
    ],
  };
}

/** The chain up to month index m (inclusive) from per-month counts ({ stages: [{ stage, reached: [], stalled: [] }] }). */
export function chainUpTo(months, m) {
  const sum = values => values.slice(0, m + 1).reduce((a, b) => a + b, 0);
  return months.stages.map(s => ({ stage: s.stage, reached: sum(s.reached), stalled: sum(s.stalled) }));
}
