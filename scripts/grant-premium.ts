/**
 * `npm run user:grant-premium -- <email>`: gives a user premium without Stripe, for local trials
 * (subscription_tier premium, subscription_status active). A real subscription's webhook will set
 * the tier again from Stripe's state.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { asService } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { findAuthUser } from '@/lib/auth/built-in/users';
import { openScriptConnection, runScript } from './script-connection';

const argsSchema = z.tuple([z.string().email('the argument must be an email')], { message: 'give exactly one email' });

runScript(async () => {
  const parsed = argsSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    throw new Error(`usage: npm run user:grant-premium -- <email>\n${parsed.error.issues.map((i) => i.message).join('\n')}`);
  }
  const [email] = parsed.data;
  const { connection, target } = await openScriptConnection();
  try {
    const user = await asService('cli-grant-premium', async (tx) => {
      const found = await findAuthUser(tx, { email });
      if (found) {
        await tx.update(profiles).set({ subscriptionTier: 'premium', subscriptionStatus: 'active' }).where(eq(profiles.id, found.id));
      }
      return found;
    });
    if (!user) throw new Error(`No account with email ${email} in ${target}`);
    console.log(`${email}: premium, active (${target}). The change applies on the user's next session refresh.`);
  } finally {
    await connection.close();
  }
});
