// Every chart is Apache ECharts (lib/echarts.min.js, installed from npm by the build). This file
// holds what the views share: creating and disposing charts, resizing them, and the timeline
// (waterfall) drawing used for a technology's journey and a run's runtime trace.

import { WARM_UP_MONTHS } from './domain.js';

const echarts = window.echarts;

const BASE = {
  textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  animationDuration: 300,
  animationDurationUpdate: 300,
};

/** Draws (or redraws) a chart in its container; notMerge replaces the previous option. */
export function draw(container, option, { notMerge = true } = {}) {
  const chart = echarts.getInstanceByDom(container) ?? echarts.init(container, null, { renderer: 'canvas' });
  chart.setOption({ ...BASE, ...option }, { notMerge, lazyUpdate: true });
  return chart;
}

/** Disposes every chart under an element (a view being left). */
export function disposeCharts(root) {
  for (const element of root.querySelectorAll('.chart')) echarts.getInstanceByDom(element)?.dispose();
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const element of document.querySelectorAll('.chart')) echarts.getInstanceByDom(element)?.resize();
  }, 100);
});

/** A placeholder drawn where a chart has no data yet. */
export const emptyTitle = text => ({ text, left: 'center', top: 'middle', textStyle: { color: '#8a94a6', fontSize: 13, fontWeight: 'normal' } });

/**
 * A timeline as a waterfall of horizontal bars: each row starts where it starts and lasts its
 * length, drawn as an invisible bar up to the start stacked under a visible bar. Rows are
 * { label, start, length, color, tooltip }; axisLabel formats the horizontal axis.
 */
export function timelineOption(rows, { axisName, axisLabel = v => v } = {}) {
  return {
    grid: { left: 290, right: 24, top: 16, bottom: 40 },
    tooltip: {
      trigger: 'item',
      formatter: p => (p.seriesIndex === 1 ? rows[p.dataIndex].tooltip : ''),
    },
    xAxis: { type: 'value', name: axisName, nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: axisLabel }, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map(r => r.label), axisLabel: { width: 280, overflow: 'truncate' } },
    series: [
      { type: 'bar', stack: 'timeline', silent: true, itemStyle: { color: 'transparent' }, data: rows.map(r => r.start) },
      {
        type: 'bar', stack: 'timeline', barMaxWidth: 18,
        data: rows.map(r => ({ value: r.length, itemStyle: { color: r.color, borderRadius: 2 } })),
      },
    ],
  };
}

/** The warm-up months shaded and labelled on a time axis of YYYY-MM months. */
export function warmUpArea(axisMonths) {
  if (axisMonths.length < 2) return undefined;
  const end = axisMonths[Math.min(WARM_UP_MONTHS, axisMonths.length) - 1];
  return {
    silent: true,
    itemStyle: { color: 'rgba(138, 148, 166, 0.12)' },
    label: { show: true, position: 'insideTop', fontSize: 9, color: '#6b7485', formatter: 'warm-up' },
    data: [[{ xAxis: axisMonths[0] }, { xAxis: end }]],
  };
}
