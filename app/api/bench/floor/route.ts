import { NextResponse } from 'next/server';
import { env } from '@/lib/env';

const BODY = { success: true, data: { floor: true } } as const;

/**
 * GET /api/bench/floor → a constant JSON body: the benchmark's measure of what Next.js itself costs
 * per request (proxy, routing, response), with no database and no session. Served only when
 * ENABLE_BENCH_ROUTES is on; otherwise it does not exist.
 */
export async function GET(): Promise<Response> {
  if (!env().ENABLE_BENCH_ROUTES) {
    return NextResponse.json({ success: false, error: { code: 'NOT_FOUND', message: 'Not found' } }, { status: 404 });
  }
  return NextResponse.json(BODY, { headers: { 'cache-control': 'no-store' } });
}
