import type { QuestInput } from '@/lib/quests/schemas';
import { quests as cloudAndDevops } from './quests/cloud-and-devops';
import { quests as dataAndSql } from './quests/data-and-sql';
import { quests as developerTools } from './quests/developer-tools';
import { quests as python } from './quests/python';
import { quests as security } from './quests/security';
import { quests as webDevelopment } from './quests/web-development';

/** The demo catalog, in the order it is seeded (prerequisites resolve after all quests exist). */
export const demoQuests: QuestInput[] = [
  ...webDevelopment,
  ...dataAndSql,
  ...security,
  ...developerTools,
  ...python,
  ...cloudAndDevops,
];
