import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/**
 * Liveness: the process is up and answers. No database or other port is asked — a restart would
 * not fix them, so an orchestrator must not restart us over them (that is /api/health/ready's job).
 */
export const GET = route(async () => ok({ data: { status: 'ok', uptimeSeconds: Math.round(process.uptime()) } }));
