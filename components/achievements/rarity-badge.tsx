import { rarityLabel, rarityOf, rarityStyle } from './rarity';

export function RarityBadge({ rarity }: { rarity: string }) {
  const r = rarityOf(rarity);
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${rarityStyle[r].badge}`}>
      {rarityLabel[r]}
    </span>
  );
}
