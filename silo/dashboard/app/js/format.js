// How numbers, money and shares read on the dashboard.

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const precise = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

const finite = value => typeof value === 'number' && Number.isFinite(value);

/** A count or amount: whole numbers in full up to a million, compact beyond. */
export function number(value) {
  if (!finite(value)) return value === undefined || value === null ? '–' : String(value);
  if (Math.abs(value) >= 1e6) return compact.format(value);
  return Number.isInteger(value) ? whole.format(value) : precise.format(value);
}

export const yuan = value => (finite(value) ? `¥${compact.format(value)}` : '–');

export const percent = share => (finite(share) ? `${(share * 100).toFixed(1)}%` : '–');

export const seconds = value => (finite(value) ? `${value.toFixed(1)} s` : '–');

export const dateTime = iso => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' }) : '–');

/** A label for month index m of a run, given one month whose index and year-month are known. */
export function monthLabel(known, m) {
  const [year, month] = known.yearMonth.split('-').map(Number);
  const total = year * 12 + (month - 1) + (m - known.month);
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
