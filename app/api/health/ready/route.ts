import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { readinessReport } from '@/lib/health/readiness';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when every port answers, 503 naming the ones that do not (load balancers take us out). */
export const GET = route(async () => {
  const { ready, ports } = await readinessReport();
  if (ready) return NextResponse.json({ success: true, data: { status: 'ready', ports } });
  const failing = Object.entries(ports).flatMap(([name, port]) => (port.status === 'down' ? [name] : []));
  return NextResponse.json(
    {
      success: false,
      error: { code: 'SERVICE_UNAVAILABLE', message: `Not ready: ${failing.join(', ')} unreachable` },
      data: { status: 'unavailable', failing, ports },
    },
    { status: 503, headers: { 'Retry-After': '5' } },
  );
});
