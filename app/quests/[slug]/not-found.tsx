import { ButtonLink } from '@/components/ui/button-link';

export default function QuestNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <h1 className="text-2xl font-bold">Quest not found</h1>
      <p className="mt-2 text-slate-600">This quest does not exist or is not published yet.</p>
      <ButtonLink href="/quests" className="mt-6">
        Browse all quests
      </ButtonLink>
    </div>
  );
}
