import { ACHIEVEMENT_RARITIES } from '@/lib/achievements/criteria';

export type Rarity = (typeof ACHIEVEMENT_RARITIES)[number];

/** Rarities in the order every learner page lists them: common first, legendary last. */
export const RARITY_ORDER: readonly Rarity[] = ACHIEVEMENT_RARITIES;

export const rarityOf = (value: string): Rarity =>
  (RARITY_ORDER as readonly string[]).includes(value) ? (value as Rarity) : 'common';

export const rarityLabel: Record<Rarity, string> = {
  common: 'Common',
  uncommon: 'Uncommon',
  rare: 'Rare',
  epic: 'Epic',
  legendary: 'Legendary',
};

export const rarityStyle: Record<Rarity, { badge: string; medal: string }> = {
  common: { badge: 'bg-slate-100 text-slate-800 ring-slate-300', medal: 'bg-slate-600' },
  uncommon: { badge: 'bg-emerald-50 text-emerald-800 ring-emerald-200', medal: 'bg-emerald-700' },
  rare: { badge: 'bg-sky-50 text-sky-900 ring-sky-200', medal: 'bg-sky-700' },
  epic: { badge: 'bg-violet-50 text-violet-800 ring-violet-200', medal: 'bg-violet-700' },
  legendary: { badge: 'bg-amber-50 text-amber-900 ring-amber-300', medal: 'bg-amber-700' },
};
