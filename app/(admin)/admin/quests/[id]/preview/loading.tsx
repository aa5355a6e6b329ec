import { PlayerSkeleton } from '@/components/player/player-skeleton';

export default function QuestPreviewLoading() {
  return <PlayerSkeleton />;
}
