import crypto from 'node:crypto';

/** A new opaque token (refresh, verification, reset): 256 random bits, URL-safe. */
export const newOpaqueToken = () => crypto.randomBytes(32).toString('base64url');

/** What the database stores instead of the token: a leaked table yields no usable token. */
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
