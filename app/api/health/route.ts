import { NextResponse } from 'next/server';
import { healthReport } from '@/lib/health/port-status';

export const dynamic = 'force-dynamic';

/** Each port's state. 503 when the database cannot answer, so load balancers take us out. */
export async function GET() {
  const report = await healthReport();
  return NextResponse.json(
    { success: report.status === 'ok', ...report },
    { status: report.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
