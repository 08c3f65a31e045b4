// The dashboard's shell: the top bar's four views and run picker, and a router on the URL's
// hash: #/runs, #/live/<run>, #/chain/<run>, #/traces/<run>[/<technology>], #/runtime/<run>, #/inspector/<run>[/<type>/<key>],
// #/compare[/<comparison>].

import { api, isAbort } from './api.js';
import { disposeCharts } from './charts.js';
import { h, showError } from './dom.js';
import { href } from './routes.js';
import * as runs from './runs.js';
import * as live from './live.js';
import * as traces from './traces.js';
import * as inspector from './inspector.js';
import * as compare from './compare.js';
import * as chain from './chain.js';
import * as runtime from './runtime.js';
import * as glossary from './glossary.js';
import { useStageStyles } from './domain.js';

const VIEWS = { runs, live, chain, traces, runtime, inspector, compare, glossary };

/** Views loaded when first opened: the experiment view brings the scenario editor (CodeMirror), which no other view needs. */
const LAZY = { experiment: () => import('./experiment.js') };

// Stage names and colours come from the silo (shared with the comparison report); every view waits for them before it draws.
const stageStyles = api.stageStyles().then(useStageStyles);
/** Views that show no run (the compare view's address names a comparison, not a run). */
const RUNLESS = ['runs', 'experiment', 'compare', 'glossary'];
const root = document.getElementById('view');
const picker = document.getElementById('run-picker');

let leave = null;
let selectedRun = null;

/** The view, run and remaining parts of the URL's hash. */
function currentAddress() {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const view = VIEWS[parts[0]] || LAZY[parts[0]] ? parts[0] : 'runs';
  return { view, runId: parts[1] ?? null, rest: parts.slice(2) };
}

async function route() {
  const { view, runId, rest } = currentAddress();
  leave?.();
  leave = null;
  disposeCharts(root);
  root.replaceChildren();
  const controller = new AbortController();
  const { signal } = controller;
  leave = () => controller.abort();

  for (const link of document.querySelectorAll('#views a')) {
    link.classList.toggle('active', link.dataset.view === view);
  }
  try {
    const [list] = await Promise.all([api.runs(signal), stageStyles]);
    if (signal.aborted) return;
    // The runs list, the experiment and the compare view stand without a run.
    if (!RUNLESS.includes(view) && !runId) {
      const fallback = selectedRun ?? list[0]?.id;
      if (fallback) {
        window.location.replace(href(view, fallback));
      } else {
        root.append(h('p', { class: 'empty' }, 'No runs yet. ', h('a', { href: href('runs') }, 'Start one from the runs list.')));
      }
      return;
    }
    if (runId) selectedRun = runId;
    fillPicker(list);
    const module = VIEWS[view] ?? await LAZY[view]();
    if (signal.aborted) return;
    const stop = await module.render(root, { runId, rest, signal });
    if (signal.aborted) stop?.();
    else leave = () => { controller.abort(); stop?.(); };
  } catch (error) {
    if (!isAbort(error)) showError(root, error);
  }
}

function fillPicker(list) {
  picker.replaceChildren(
    h('option', { value: '' }, list.length ? 'Choose a run…' : 'No runs yet'),
    ...list.map(r => h('option', { value: r.id, selected: r.id === selectedRun }, `${r.scenario} · ${r.status} · ${r.id}`)));
  for (const link of document.querySelectorAll('#views a')) {
    link.href = RUNLESS.includes(link.dataset.view) || !selectedRun ? href(link.dataset.view) : href(link.dataset.view, selectedRun);
  }
}

picker.addEventListener('change', () => {
  if (!picker.value) return;
  const { view } = currentAddress();
  window.location.hash = href(RUNLESS.includes(view) ? 'live' : view, picker.value);
});

// A view tells when a run's status changed, so that the picker shows it.
window.addEventListener('gbasim:runs-changed', () => {
  api.runs().then(fillPicker).catch(() => {});
});

window.addEventListener('hashchange', route);
route();
