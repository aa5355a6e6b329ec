/**
 * The storage port (ARCHITECTURE §2): objects by key, each with its content type. Two adapters:
 * local files (the embedded default) and any S3-compatible bucket. Keys are checked by the
 * adapters themselves (keys.ts), so no caller can reach outside the store.
 */

/** Bodies are whole byte arrays: every object is an image of at most 5 MB, so streams would add
 * more moving parts than they save. */
export interface StoredObject {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  size: number;
}

export interface StorageAdapter {
  readonly name: 'local-files' | 's3';
  /** Writes (or overwrites) the object. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none under that key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** For health reports and logs: which backend, and where — never credentials. */
  describe(): { adapter: StorageAdapter['name']; embedded: boolean; location: string };
}
