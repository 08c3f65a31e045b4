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

export const STAGES = [
  { code: 'basic-research', name: 'Basic research', color: '#5470c6' },
  { code: 'breakthrough', name: 'Breakthrough', color: '#91cc75' },
  { code: 'transformation', name: 'Transformation', color: '#fac858' },
  { code: 'financing', name: 'Financing', color: '#73c0de' },
  { code: 'market', name: 'Market', color: '#3ba272' },
];

export const stageName = code => STAGES.find(s => s.code === code)?.name ?? code;
export const stageColor = code => STAGES.find(s => s.code === code)?.color ?? '#999';
export const sectorName = code => SECTORS.find(s => s.code === code)?.name ?? code;

export const FLOW_KINDS = [
  { code: 'talent', name: 'Talent' },
  { code: 'capital', name: 'Capital' },
  { code: 'technology', name: 'Technology' },
];

export const GRAIN_TYPES = ['city', 'institution', 'firm', 'ledger', 'policy'];

export const STALLED_COLOR = '#ee6666';
