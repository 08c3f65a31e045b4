// Addresses of the dashboard's views, in the URL's hash.

/** The hash of a view, e.g. href('inspector', runId, 'city', 'Shenzhen') is #/inspector/<run>/city/Shenzhen. */
export const href = (view, ...parts) => `#/${[view, ...parts.filter(p => p !== undefined && p !== null)].map(p => encodeURIComponent(p)).join('/')}`;

/** The inspector's address of a grain named as the API names it, e.g. firm/sz-ict-00042. */
export function grainHref(runId, grain) {
  const slash = grain.indexOf('/');
  return href('inspector', runId, grain.slice(0, slash), grain.slice(slash + 1));
}
