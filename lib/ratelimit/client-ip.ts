import 'server-only';
import { isIP } from 'node:net';
import { env } from '@/lib/env';

/**
 * The client's address for per-IP limits. X-Forwarded-For and X-Real-IP are plain request
 * headers anyone can send, so they are believed only when TRUST_PROXY says a proxy in front
 * (Vercel, a load balancer) overwrites them. Otherwise null: the caller falls back to the socket
 * address if it has one, or a fixed key such as 'unknown'.
 */
export function clientIp(headers: Headers, trustProxy: boolean = env().TRUST_PROXY): string | null {
  if (!trustProxy) return null;
  // First hop: the client as the edge proxy saw it (Vercel replaces the header, it never appends).
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0];
  return normalizeIp(forwarded) ?? normalizeIp(headers.get('x-real-ip'));
}

function normalizeIp(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  // Some proxies keep the port: "203.0.113.7:51234", "[2001:db8::1]:443".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)?.[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value)?.[1];
  const candidate = bracketed ?? ipv4WithPort ?? value;
  // "unknown", a hostname or junk is no address: let the caller's fallback apply.
  return isIP(candidate) ? candidate.toLowerCase() : null;
}
