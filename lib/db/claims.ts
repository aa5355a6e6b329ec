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
