'use client';

import { useState, type ReactNode } from 'react';
import { QuestPlayerStoreContext, createQuestPlayerStore, type QuestPlayerInit } from '@/store/quest-player-store';

/** Creates one player store for this mounted player, from the progress the server returned. */
export function QuestPlayerStoreProvider({ init, children }: { init: QuestPlayerInit; children: ReactNode }) {
  const [store] = useState(() => createQuestPlayerStore(init));
  return <QuestPlayerStoreContext.Provider value={store}>{children}</QuestPlayerStoreContext.Provider>;
}
