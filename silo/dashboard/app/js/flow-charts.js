// Flows between the eleven cities, drawn as a chord (live view) and as weighted arcs on a map of
// the region (chain-over-time view); flows within a city are left out of both.

import { emptyTitle } from './charts.js';
import { escapeHtml } from './dom.js';
import { CITIES, cityColor } from './domain.js';
import { number, yuan } from './format.js';

/** A flow amount in its unit: yuan, people or technologies. */
export const flowAmount = (value, unit) => (unit === 'yuan' ? yuan(value) : `${number(value)} ${unit}`);

/** Flows between the 11 cities as a chord: each city its own colour, and its total out and in beside its name. */
export function chordOption(flows) {
  const links = (flows?.flows ?? []).filter(f => f.from !== f.to && f.amount > 0)
    .map(f => ({ source: f.from, target: f.to, value: f.amount }));
  if (!links.length) return { title: emptyTitle(`No ${flows?.kind ?? ''} flows between cities yet.`) };
  const out = city => links.filter(l => l.source === city).reduce((a, l) => a + l.value, 0);
  const into = city => links.filter(l => l.target === city).reduce((a, l) => a + l.value, 0);
  const short = value => (flows.unit === 'yuan' ? yuan(value) : number(value));
  return {
    tooltip: {
      trigger: 'item',
      formatter: p => escapeHtml(p.dataType === 'edge'
        ? `${p.data.source} → ${p.data.target}: ${flowAmount(p.data.value, flows.unit)}`
        : `${p.name}: ${flowAmount(out(p.name), flows.unit)} out, ${flowAmount(into(p.name), flows.unit)} in`),
    },
    series: [{
      type: 'chord', radius: ['56%', '64%'], padAngle: 2, minAngle: 3, clockwise: false,
      label: { show: true, fontSize: 10, formatter: p => `${p.name}\n${short(out(p.name))} out` },
      lineStyle: { color: 'source', opacity: 0.35 },
      data: CITIES.map(name => ({ name, itemStyle: { color: cityColor(name) } })),
      links,
    }],
  };
}

/**
 * The region as a map: each city at its longitude and latitude (from the world file), sized by
 * what leaves and arrives, and each city pair's flow as an arc whose width grows with the amount.
 * pairs are [{ from, to, amount, crossesBorder }].
 */
export function mapOption(places, pairs, unit) {
  const placed = places.filter(p => p.lon !== null && p.lat !== null);
  if (!placed.length) return { title: emptyTitle("The run's world file gives no city positions.") };
  const shown = pairs.filter(p => p.amount > 0);
  const largest = Math.max(1e-9, ...shown.map(p => p.amount));
  const through = city => shown.filter(p => p.from === city || p.to === city).reduce((a, p) => a + p.amount, 0);
  const busiest = Math.max(1e-9, ...placed.map(p => through(p.city)));
  const lons = placed.map(p => p.lon);
  const lats = placed.map(p => p.lat);
  return {
    tooltip: {
      trigger: 'item',
      formatter: p => escapeHtml(p.dataType === 'edge'
        ? `${p.data.source} → ${p.data.target}: ${flowAmount(p.data.value, unit)}${p.data.crossesBorder ? ' (across a border)' : ''}`
        : `${p.name}: ${flowAmount(through(p.name), unit)} in and out`),
    },
    // Plain axes in degrees, hidden: the cities keep their true relative positions with no map tiles.
    xAxis: { type: 'value', min: Math.min(...lons) - 0.25, max: Math.max(...lons) + 0.25, show: false },
    yAxis: { type: 'value', min: Math.min(...lats) - 0.15, max: Math.max(...lats) + 0.15, show: false },
    grid: { left: 40, right: 40, top: 20, bottom: 20 },
    series: [{
      type: 'graph', coordinateSystem: 'cartesian2d', layout: 'none',
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      label: { show: true, position: 'right', fontSize: 11 },
      data: placed.map(p => ({
        name: p.city, value: [p.lon, p.lat], symbolSize: 10 + 22 * Math.sqrt(through(p.city) / busiest),
        itemStyle: { color: cityColor(p.city) },
      })),
      links: shown.map(p => ({
        source: p.from, target: p.to, value: p.amount, crossesBorder: p.crossesBorder,
        lineStyle: { width: 0.5 + 9 * (p.amount / largest), color: cityColor(p.from), opacity: 0.55, curveness: 0.25, type: p.crossesBorder ? 'dashed' : 'solid' },
      })),
    }],
  };
}
