import { z } from 'zod';

export const APP_ROLES = ['user', 'premium', 'admin', 'super_admin'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/**
 * The JWT claims a signed-in request carries — the shape Supabase Auth puts in its tokens, so the
 * same RLS policies read them under either auth adapter. Only `authenticated` is accepted: a token
 * claiming `service_role` (or anything else) never reaches the database as that role.
 */
export const jwtClaimsSchema = z.object({
  sub: z.string().uuid(),
  role: z.literal('authenticated'),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  email: z.string().optional(),
  exp: z.number().optional(),
  iat: z.number().optional(),
  session_id: z.string().optional(),
  app_metadata: z
    .object({
      role: z.enum(APP_ROLES).optional(),
      tier: z.enum(['free', 'premium']).optional(),
    })
    .passthrough()
    .optional(),
  user_metadata: z.record(z.string(), z.unknown()).optional(),
});

export type JwtClaims = z.infer<typeof jwtClaimsSchema>;

// Checked claims, by the object that was checked. A request's claims object is the one its token
// check produced, and verified tokens are remembered (lib/auth/session.ts): the same object
// reaches every transaction of every request that token makes, so it is parsed once, not per
// transaction. The parsed copy is what goes to the database, whatever happens to the input later.
const checked = new WeakMap<object, JwtClaims>();

/** jwtClaimsSchema's verdict on `claims`: the parsed claims, or null when they are not valid. */
export function checkedClaims(claims: unknown): JwtClaims | null {
  if (typeof claims !== 'object' || claims === null) return null;
  const known = checked.get(claims);
  if (known) return known;
  const parsed = jwtClaimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  checked.set(claims, parsed.data);
  return parsed.data;
}
