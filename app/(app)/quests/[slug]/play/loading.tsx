import { PlayerSkeleton } from '@/components/player/player-skeleton';

export default function QuestPlayLoading() {
  return <PlayerSkeleton />;
}
