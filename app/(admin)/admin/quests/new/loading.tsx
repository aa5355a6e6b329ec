import { EditorSkeleton } from '@/components/admin/quests/editor-skeleton';

export default function QuestEditorLoading() {
  return <EditorSkeleton />;
}
