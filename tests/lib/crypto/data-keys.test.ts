import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataKeyRing, useDataKeyRing } from '@/lib/crypto/data-keys';
import { keyIdOf } from '@/lib/crypto/field-encryption';
import { resetEnvForTests } from '@/lib/env';

describe('data key configuration', () => {
  const saved = { ...process.env };
  const cwd = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-keys-'));
    useDataKeyRing(undefined);
  });
  afterEach(() => {
    process.chdir(cwd);
    process.env = { ...saved };
    resetEnvForTests();
    useDataKeyRing(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const configure = (vars: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(vars)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvForTests();
  };

  it('uses DATA_ENCRYPTION_KEY when set', () => {
    const key = crypto.randomBytes(32);
    configure({ DATA_ENCRYPTION_KEY: key.toString('hex') });
    expect(dataKeyRing().current.id).toBe(keyIdOf(key));
  });

  it('refuses a malformed DATA_ENCRYPTION_KEY with a message that says how to make one', () => {
    configure({ DATA_ENCRYPTION_KEY: 'not-a-key' });
    expect(() => dataKeyRing()).toThrow(/DATA_ENCRYPTION_KEY:? must be 32 random bytes/) // the boot check (lib/env.ts) refuses it first;
  });

  it('in development without a key, generates one under .data (mode 0600) and reuses it', () => {
    process.chdir(dir);
    configure({ DATA_ENCRYPTION_KEY: undefined, NODE_ENV: 'development', DATABASE_URL: undefined });
    const first = dataKeyRing().current;
    const file = path.join(dir, '.data', 'encryption-key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    useDataKeyRing(undefined);
    expect(dataKeyRing().current.id).toBe(first.id);
  });

  it('refuses production with its own database and no key, instead of inventing one', () => {
    process.chdir(dir);
    configure({ DATA_ENCRYPTION_KEY: undefined, NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.example/workfree' });
    expect(() => dataKeyRing()).toThrow(/DATA_ENCRYPTION_KEY is missing/);
    expect(fs.existsSync(path.join(dir, '.data', 'encryption-key'))).toBe(false);
  });
});
