import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey } from './keys';
import type { StorageAdapter, StoredObject } from './types';

/**
 * The embedded default: objects as files under one directory (`.data/uploads`). The bytes live at
 * `<root>/<key>`; the content type in a sidecar under `<root>/.meta/<key>.json`. Keys never start
 * a segment with a dot (keys.ts), so `.meta` can never collide with an object.
 */

interface Sidecar {
  contentType: string;
  size: number;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

export function localStorageAdapter(directory: string): StorageAdapter {
  const root = path.resolve(directory);

  /** The key's file and sidecar; the key is validated and the result checked to lie inside root. */
  function pathsOf(key: string) {
    assertValidKey(key);
    const file = path.resolve(root, key);
    const meta = path.resolve(root, '.meta', `${key}.json`);
    // Belt and braces: a valid key cannot escape, but the filesystem is where a slip would hurt.
    if (!file.startsWith(root + path.sep) || !meta.startsWith(root + path.sep)) throw new Error('storage key escapes the store');
    return { file, meta };
  }

  /** Write beside the target, then rename: a reader never sees half a file. */
  async function writeAtomically(target: string, data: Uint8Array | string) {
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, data);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  return {
    name: 'local-files',

    async put(key, body, contentType) {
      const { file, meta } = pathsOf(key);
      // Bytes first, sidecar last: get() answers only once both are there.
      await writeAtomically(file, body);
      await writeAtomically(meta, JSON.stringify({ contentType, size: body.byteLength } satisfies Sidecar));
    },

    async get(key): Promise<StoredObject | null> {
      const { file, meta } = pathsOf(key);
      try {
        const sidecar = JSON.parse(await readFile(meta, 'utf8')) as Sidecar;
        const body = await readFile(file);
        return { body, contentType: sidecar.contentType, size: body.byteLength };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      const { file, meta } = pathsOf(key);
      await rm(meta, { force: true });
      await rm(file, { force: true });
    },

    describe: () => ({ adapter: 'local-files', embedded: true, location: root }),
  };
}
