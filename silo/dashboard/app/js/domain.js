// The model's vocabulary as the API spells it (docs/model.md): cities, sectors, chain stages, grain types.

export const CITIES = ['Guangzhou', 'Shenzhen', 'Zhuhai', 'Foshan', 'Huizhou', 'Dongguan', 'Zhongshan', 'Jiangmen', 'Zhaoqing', 'Hong Kong', 'Macao'];

export const SECTORS = [
  { code: 'ict', name: 'Next-generation ICT' },
  { code: 'ic', name: 'Integrated circuits' },
  { code: 'nev', name: 'New-energy vehicles' },
  { code: 'battery', name: 'Batteries and storage' },
  { code: 'medical', name: 'Medical equipment' },
  { code: 'equipment', name: 'Smart equipment' },
  { code: 'bio', name: 'Biotechnology' },
  { code: 'aerospace', name: 'Commercial aerospace' },
  { code: 'marine', name: 'Marine' },
  { code: 'ai', name: 'Artificial intelligence' },
];

/**
 * The chain's stages as every chart draws them ({ stage, name, color, stalled, waiting }), read once
 * from the silo (GET api/chain/stages), which the comparison report shares, so the words and
 * colours are the same everywhere.
 */
export const STAGES = [];
export const CHAIN_COLORS = { stalled: '#d9534f', waiting: '#b8bfcc' };

/** Fills STAGES and CHAIN_COLORS from the silo's definition; the dashboard calls it before its first view. */
export function useStageStyles(styles) {
  STAGES.splice(0, STAGES.length, ...styles.stages.map(s => ({ code: s.stage, ...s })));
  CHAIN_COLORS.stalled = styles.stalledColor;
  CHAIN_COLORS.waiting = styles.waitingColor;
}

const stage = code => STAGES.find(s => s.code === code);
export const stageName = code => stage(code)?.name ?? code;
export const stageColor = code => stage(code)?.color ?? '#999';
export const stalledName = code => stage(code)?.stalled ?? `Stalled at ${code}`;
export const waitingName = code => stage(code)?.waiting ?? `Still at ${code}`;
export const sectorName = code => SECTORS.find(s => s.code === code)?.name ?? code;

export const FLOW_KINDS = [
  { code: 'talent', name: 'Talent' },
  { code: 'capital', name: 'Capital' },
  { code: 'technology', name: 'Technology' },
  { code: 'materials', name: 'Materials' },
  { code: 'data', name: 'Data' },
];

export const GRAIN_TYPES = ['city', 'institution', 'firm', 'ledger', 'policy'];

/** Eleven colours, one per city, distinct enough to tell the cities' arcs and chords apart. */
export const CITY_COLORS = ['#3a66c4', '#d9534f', '#2e9a4f', '#e08a1e', '#7a4fc2', '#1f9bb0', '#b5487f', '#8c6d31', '#5f7d95', '#c7a200', '#3c3c3c'];
export const cityColor = name => CITY_COLORS[Math.max(0, CITIES.indexOf(name))];

/** The first months of a run, drawn as a warm-up: the model starts every firm at once and settles over its first year. */
export const WARM_UP_MONTHS = 12;
