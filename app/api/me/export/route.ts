import { NextResponse } from 'next/server';
import { withUser } from '@/lib/api/route';
import { exportUserData } from '@/lib/privacy/export-user-data';

/**
 * GET /api/me/export → the caller's data as a downloadable JSON file. Not cached anywhere: it is
 * personal and must reflect the moment it was asked for.
 */
export const GET = withUser(async (_request, { session }) => {
  const data = await exportUserData(session);
  const day = data.exportedAt.slice(0, 10);
  return new NextResponse(JSON.stringify(data, null, 2), {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="workfree-export-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
});
