import { POST as start } from '@/app/api/quests/[id]/start/route';
import { createTestUser } from './fixtures';
import { call } from './http';
import { tokenFor } from './sessions';

/** A fresh learner who has started `questId` through the API: their bearer token and progress row. */
export async function learnerWithProgress(questId: string) {
  const user = await createTestUser();
  const bearer = await tokenFor(user);
  const started = await call(start, { method: 'POST', bearer, params: { id: questId } });
  return { user, bearer, progressId: started.json.progress.id as string };
}
