// The chain over time: a month slider (with play) moves the chain's Sankey, its stage counts
// and a map of the flows between the eleven cities together. The chain can be narrowed to the
// transitions made in one city or of one sector; the map shows one flow kind, in the chosen
// month alone or cumulated up to it.

import { api, isAbort } from './api.js';
import { draw, emptyTitle } from './charts.js';
import { chainUpTo, sankeyOption, stageCountsOption } from './chain-charts.js';
import { chartBox, figureCard, h, showError, titleCard } from './dom.js';
import { CITIES, FLOW_KINDS, SECTORS } from './domain.js';
import { figure, loadFigures } from './figures.js';
import { mapOption } from './flow-charts.js';
import { href } from './routes.js';

const PLAY_STEP_MS = 400;

export async function render(root, { runId, signal }) {
  const city = h('select', { id: 'chain-city', 'aria-label': 'City' }, h('option', { value: '' }, 'All cities'), CITIES.map(c => h('option', { value: c }, c)));
  const sector = h('select', { id: 'chain-sector', 'aria-label': 'Sector' }, h('option', { value: '' }, 'All sectors'), SECTORS.map(s => h('option', { value: s.code }, s.name)));
  const kind = h('select', { id: 'map-kind', 'aria-label': 'Flow kind' }, FLOW_KINDS.map(k => h('option', { value: k.code }, k.name)));
  const span = h('select', { id: 'map-span', 'aria-label': 'Flows shown' },
    h('option', { value: 'month' }, 'in the month'), h('option', { value: 'cumulative' }, 'cumulated to the month'));
  const slider = h('input', { id: 'month-slider', type: 'range', min: 0, max: 0, value: 0, step: 1, 'aria-label': 'Month' });
  const monthText = h('output', { id: 'month-shown', for: 'month-slider' }, '–');
  const play = h('button', { id: 'month-play', type: 'button' }, 'Play');
  const previous = h('button', { id: 'month-previous', type: 'button', title: 'Previous month' }, '◀');
  const next = h('button', { id: 'month-next', type: 'button', title: 'Next month' }, '▶');
  const message = h('div', { class: 'form-message' });
  const boxes = { sankey: chartBox('chain-time-sankey', 380), counts: chartBox('chain-time-counts', 280), map: chartBox('flow-map', 520) };

  const figures = await loadFigures();
  const mapCard = figureCard(figure(figures, `flow.${kind.value}`, 'flow'), { note: h('span', {}, h('label', {}, kind), ' ', h('label', {}, span)) }, boxes.map);
  root.append(
    h('div', { class: 'view-header' }, h('h1', {}, 'The chain over time ', h('code', {}, runId)),
      h('span', { class: 'links' }, h('a', { href: href('live', runId) }, 'live run'), h('a', { href: href('traces', runId) }, 'trace explorer'))),
    h('div', { class: 'month-bar', id: 'month-bar' },
      previous, play, next, slider, monthText,
      h('label', {}, 'Chain in ', city), h('label', {}, 'of ', sector)),
    message,
    h('div', { class: 'cards' },
      figureCard(figure(figures, 'chain.stages', 'chain'), { wide: true, note: 'up to the month' }, boxes.sankey),
      figureCard(figure(figures, 'chain.counts', 'chain'), { note: 'up to the month' }, boxes.counts),
      mapCard));

  let chain = null;
  let flows = null;
  let places = [];
  let timer = 0;

  const month = () => Number(slider.value);

  function drawChain() {
    if (!chain?.months.length) {
      draw(boxes.sankey, { title: emptyTitle('The run has no months yet.') });
      return;
    }
    const stages = chainUpTo(chain, month());
    draw(boxes.sankey, sankeyOption(stages));
    draw(boxes.counts, stageCountsOption(stages, figure(figures, 'chain.counts', 'chain').unit));
  }

  function drawMap() {
    if (!flows) return;
    const m = month();
    const pairs = flows.pairs.map(p => ({
      ...p,
      amount: span.value === 'month' ? p.amounts[m] ?? 0 : p.amounts.slice(0, m + 1).reduce((a, b) => a + b, 0),
    }));
    draw(boxes.map, mapOption(places, pairs, flows.unit));
  }

  function show() {
    const months = chain?.months ?? [];
    monthText.textContent = months.length ? `${months[month()]} (month ${month() + 1} of ${months.length})` : '–';
    drawChain();
    drawMap();
  }

  async function loadChain() {
    try {
      chain = await api.chainMonths(runId, { city: city.value, sector: sector.value }, signal);
      slider.max = Math.max(0, chain.months.length - 1);
      if (Number(slider.value) > Number(slider.max) || !slider.dataset.moved) slider.value = slider.max;
      show();
    } catch (error) {
      if (!isAbort(error)) showError(message, error);
    }
  }

  async function loadFlows() {
    titleCard(mapCard, figure(figures, `flow.${kind.value}`, 'flow'));
    try {
      flows = await api.flowMonths(runId, kind.value, signal);
      drawMap();
    } catch (error) {
      if (!isAbort(error)) showError(message, error);
    }
  }

  function stop() {
    clearInterval(timer);
    timer = 0;
    play.textContent = 'Play';
  }

  function go(m) {
    slider.value = Math.min(Math.max(m, 0), Number(slider.max));
    slider.dataset.moved = 'yes';
    show();
  }

  slider.addEventListener('input', () => go(month()));
  previous.addEventListener('click', () => { stop(); go(month() - 1); });
  next.addEventListener('click', () => { stop(); go(month() + 1); });
  play.addEventListener('click', () => {
    if (timer) {
      stop();
      return;
    }
    if (month() >= Number(slider.max)) go(0);
    play.textContent = 'Pause';
    timer = setInterval(() => {
      if (month() >= Number(slider.max)) stop();
      else go(month() + 1);
    }, PLAY_STEP_MS);
  });
  city.addEventListener('change', loadChain);
  sector.addEventListener('change', loadChain);
  kind.addEventListener('change', loadFlows);
  span.addEventListener('change', drawMap);

  const [map] = await Promise.all([api.map(runId, signal), loadChain()]);
  places = map.cities;
  await loadFlows();
  return stop;
}
