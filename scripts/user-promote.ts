/**
 * `npm run user:promote -- <email> <role>`: sets a user's role (user, premium, admin, super_admin).
 * The operator's tool for bootstrapping the first admin; in the app only a super_admin grants admin.
 */
import { z } from 'zod';
import { asService } from '@/lib/db';
import { APP_ROLES } from '@/lib/db/claims';
import { findAuthUser } from '@/lib/auth/built-in/users';
import { setUserRole } from '@/lib/users/create-auth-user';
import { openScriptConnection, runScript } from './script-connection';

const argsSchema = z.tuple([z.string().email('first argument must be an email'), z.enum(APP_ROLES)]);

runScript(async () => {
  const parsed = argsSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    throw new Error(`usage: npm run user:promote -- <email> <${APP_ROLES.join('|')}>\n${parsed.error.issues.map((i) => i.message).join('\n')}`);
  }
  const [email, role] = parsed.data;
  const { connection, target } = await openScriptConnection();
  try {
    const user = await asService('cli-user-promote', async (tx) => {
      const found = await findAuthUser(tx, { email });
      if (found) await setUserRole(tx, found.id, role);
      return found;
    });
    if (!user) throw new Error(`No account with email ${email} in ${target}`);
    console.log(`${email}: ${user.role} → ${role} (${target}). The change applies on the user's next request.`);
  } finally {
    await connection.close();
  }
});
