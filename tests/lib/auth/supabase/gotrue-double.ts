import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtSigner, type SigningMode } from './gotrue-tokens';

/**
 * A local HTTP double of the Supabase Auth (GoTrue) endpoints that auth-js calls, answering with
 * GoTrue's shapes: sessions { access_token, token_type, expires_in, expires_at, refresh_token,
 * user }, errors { code, message } under X-Supabase-Api-Version 2024-01-01 (which is how auth-js
 * reads `error.code`). It records every request so tests assert what the real client sent.
 */

export interface DoubleUser {
  id: string;
  email: string;
  password: string;
  confirmedAt: string | null;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
}
export interface RecordedRequest {
  method: string;
  path: string; // without /auth/v1 and the query
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown> | null;
}
/** What GoTrue would have emailed: the token hash its templates put in the link. */
export interface Mail {
  type: 'signup' | 'recovery';
  email: string;
  tokenHash: string;
  redirectTo: string | null;
  used: boolean;
}
export interface DoubleOptions {
  signing?: SigningMode;
  /** Sign-ups get a session at once (confirmations off) instead of a confirmation mail. */
  autoconfirm?: boolean;
  accessTtlSeconds?: number;
}
type Reply = { status: number; body?: unknown };

export const ANON_KEY = 'anon-key-for-tests';
export const SERVICE_ROLE_KEY = 'service-role-key-for-tests';
const err = (status: number, code: string, message: string, extra: object = {}): Reply => ({
  status,
  body: { code, message, ...extra },
});
const now = () => Math.floor(Date.now() / 1000);

export class GoTrueDouble {
  readonly requests: RecordedRequest[] = [];
  readonly mails: Mail[] = [];
  readonly users = new Map<string, DoubleUser>();
  readonly autoconfirm: boolean;
  accessTtlSeconds: number;
  url = '';
  private readonly sessions = new Map<string, { userId: string; revoked: boolean }>();
  private readonly refreshTokens = new Map<string, { sessionId: string; used: boolean }>();
  private readonly failures: { method: string; path: string; status: number }[] = [];
  private readonly server = http.createServer((req, res) => void this.serve(req, res));

  private constructor(options: DoubleOptions, readonly signer: JwtSigner) {
    this.autoconfirm = options.autoconfirm ?? true;
    this.accessTtlSeconds = options.accessTtlSeconds ?? 3600;
  }

  static async start(options: DoubleOptions = {}): Promise<GoTrueDouble> {
    const double = new GoTrueDouble(options, await JwtSigner.create(options.signing ?? 'ES256'));
    await new Promise<void>((resolve) => double.server.listen(0, '127.0.0.1', resolve));
    double.url = `http://127.0.0.1:${(double.server.address() as AddressInfo).port}`;
    return double;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addUser(input: { email: string; password: string; confirmed?: boolean; appMetadata?: Record<string, unknown> }): DoubleUser {
    const user: DoubleUser = {
      id: crypto.randomUUID(),
      email: input.email,
      password: input.password,
      confirmedAt: input.confirmed === false ? null : new Date().toISOString(),
      userMetadata: {},
      appMetadata: input.appMetadata ?? {},
    };
    this.users.set(user.id, user);
    return user;
  }

  userByEmail = (email: string) => [...this.users.values()].find((u) => u.email === email);
  requestsTo = (method: string, path: string) => this.requests.filter((r) => r.method === method && r.path === path);
  /** The next request to `path` answers `status` (e.g. 503 for an outage). */
  failNext = (method: string, path: string, status: number) => this.failures.push({ method, path, status });

  /** A signed-in session as GoTrue issues it, for tests that need tokens without the adapter. */
  createSession(user: DoubleUser): Promise<{ access_token: string; refresh_token: string; expires_at: number }> {
    const sessionId = crypto.randomUUID();
    this.sessions.set(sessionId, { userId: user.id, revoked: false });
    return this.sessionBody(user, sessionId);
  }

  private async sessionBody(user: DoubleUser, sessionId: string) {
    const refresh_token = crypto.randomBytes(16).toString('base64url');
    this.refreshTokens.set(refresh_token, { sessionId, used: false });
    const iat = now();
    const expires_at = iat + this.accessTtlSeconds;
    const access_token = await this.signer.sign({
      aud: 'authenticated', exp: expires_at, iat, iss: `${this.url}/auth/v1`, sub: user.id, email: user.email,
      phone: '', app_metadata: this.appMetadata(user), user_metadata: user.userMetadata, role: 'authenticated',
      aal: 'aal1', amr: [{ method: 'password', timestamp: iat }], session_id: sessionId, is_anonymous: false,
    });
    return { access_token, token_type: 'bearer', expires_in: this.accessTtlSeconds, expires_at, refresh_token, user: this.userJson(user) };
  }

  private appMetadata = (user: DoubleUser) => ({ provider: 'email', providers: ['email'], ...user.appMetadata });

  userJson(user: DoubleUser, identities = true) {
    const at = user.confirmedAt;
    const identity = { identity_id: crypto.randomUUID(), id: user.id, user_id: user.id, provider: 'email', email: user.email,
      identity_data: { email: user.email, sub: user.id, email_verified: Boolean(at) } };
    return { id: user.id, aud: 'authenticated', role: 'authenticated', email: user.email, phone: '', email_confirmed_at: at,
      confirmed_at: at, app_metadata: this.appMetadata(user), user_metadata: user.userMetadata,
      identities: identities ? [identity] : [], created_at: at, updated_at: at, is_anonymous: false };
  }

  private mail(type: Mail['type'], user: DoubleUser, redirectTo: string | undefined) {
    this.mails.push({ type, email: user.email, tokenHash: crypto.randomBytes(28).toString('hex'), redirectTo: redirectTo ?? null, used: false });
  }

  /** The signed-in caller of a user endpoint, as GoTrue checks it: signature, expiry, user, session. */
  private async caller(r: RecordedRequest): Promise<{ user: DoubleUser; sessionId: string } | Reply> {
    const token = /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''))?.[1];
    const claims = token ? await this.signer.verify(token) : null;
    if (!claims) return err(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
    const user = this.users.get(String(claims.sub));
    if (!user) return err(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    const session = this.sessions.get(String(claims.session_id));
    if (!session || session.revoked) return err(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return { user, sessionId: String(claims.session_id) };
  }

  private weak(password: unknown): Reply | null {
    if (typeof password === 'string' && password.length >= 8) return null;
    return err(422, 'weak_password', 'Password should be at least 8 characters.', { weak_password: { reasons: ['length'] } });
  }

  private async route(r: RecordedRequest): Promise<Reply> {
    const b = r.body ?? {};
    const route = `${r.method} ${r.path}`;
    if (route === 'GET /.well-known/jwks.json') return { status: 200, body: this.signer.jwks() };
    if (route === 'POST /signup') {
      const existing = this.userByEmail(String(b.email));
      if (existing && this.autoconfirm) return err(422, 'user_already_exists', 'User already registered');
      // With confirmations on GoTrue hides that the address is taken: a stand-in user, no identities.
      if (existing) return { status: 200, body: { ...this.userJson({ ...existing, id: crypto.randomUUID() }, false) } };
      const weak = this.weak(b.password);
      if (weak) return weak;
      const user = this.addUser({ email: String(b.email), password: String(b.password), confirmed: this.autoconfirm });
      user.userMetadata = (b.data as Record<string, unknown>) ?? {};
      if (this.autoconfirm) return { status: 200, body: await this.createSession(user) };
      this.mail('signup', user, r.query.redirect_to);
      return { status: 200, body: this.userJson(user) };
    }
    if (route === 'POST /token' && r.query.grant_type === 'password') {
      const user = this.userByEmail(String(b.email));
      if (!user || user.password !== b.password) return err(400, 'invalid_credentials', 'Invalid login credentials');
      if (!user.confirmedAt) return err(400, 'email_not_confirmed', 'Email not confirmed');
      return { status: 200, body: await this.createSession(user) };
    }
    if (route === 'POST /token' && r.query.grant_type === 'refresh_token') {
      const entry = this.refreshTokens.get(String(b.refresh_token));
      const session = entry && this.sessions.get(entry.sessionId);
      const user = session && this.users.get(session.userId);
      if (!entry || entry.used || !session || session.revoked || !user) {
        return err(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      }
      entry.used = true;
      return { status: 200, body: await this.sessionBody(user, entry.sessionId) };
    }
    if (route === 'POST /logout') {
      const who = await this.caller(r);
      if ('status' in who) return who;
      for (const [id, s] of this.sessions) {
        const scope = r.query.scope ?? 'global';
        const hit = scope === 'local' ? id === who.sessionId : s.userId === who.user.id && (scope === 'global' || id !== who.sessionId);
        if (hit) s.revoked = true;
      }
      return { status: 204 };
    }
    if (route === 'POST /recover' || route === 'POST /resend') {
      const user = this.userByEmail(String(b.email));
      if (user && (r.path === '/recover' || !user.confirmedAt)) this.mail(r.path === '/recover' ? 'recovery' : 'signup', user, r.query.redirect_to);
      return { status: 200, body: {} };
    }
    if (route === 'POST /verify') {
      const kind = b.type === 'recovery' ? 'recovery' : 'signup';
      const mail = this.mails.find((m) => m.tokenHash === b.token_hash && m.type === kind && !m.used);
      const user = mail && this.userByEmail(mail.email);
      if (!mail || !user) return err(403, 'otp_expired', 'Email link is invalid or has expired');
      mail.used = true;
      user.confirmedAt ??= new Date().toISOString();
      return { status: 200, body: await this.createSession(user) };
    }
    if (r.path === '/user' && (r.method === 'GET' || r.method === 'PUT')) {
      const who = await this.caller(r);
      if ('status' in who) return who;
      if (r.method === 'PUT' && b.password !== undefined) {
        if (b.password === who.user.password) return err(422, 'same_password', 'New password should be different from the old password.');
        const weak = this.weak(b.password);
        if (weak) return weak;
        who.user.password = String(b.password);
      }
      return { status: 200, body: this.userJson(who.user) };
    }
    const admin = /^\/admin\/users\/([^/]+)$/.exec(r.path);
    if (admin && (r.method === 'GET' || r.method === 'DELETE')) {
      if (r.headers.authorization !== `Bearer ${SERVICE_ROLE_KEY}`) return err(403, 'not_admin', 'User not allowed');
      const user = this.users.get(admin[1] ?? '');
      if (!user) return err(404, 'user_not_found', 'User not found');
      if (r.method === 'GET') return { status: 200, body: this.userJson(user) };
      this.users.delete(user.id);
      for (const s of this.sessions.values()) if (s.userId === user.id) s.revoked = true;
      return { status: 200, body: {} };
    }
    return err(404, 'not_found', `No route for ${route}`);
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const text = Buffer.concat(chunks).toString('utf8');
    const r: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.replace(/^\/auth\/v1/, ''),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
    this.requests.push(r);
    const failure = this.failures.findIndex((f) => f.method === r.method && f.path === r.path);
    let reply: Reply;
    if (failure >= 0) reply = err(this.failures.splice(failure, 1)[0]!.status, 'unexpected_failure', 'Upstream unavailable');
    else if (req.headers.apikey !== ANON_KEY && req.headers.apikey !== SERVICE_ROLE_KEY) reply = err(401, 'no_api_key', 'No API key found in request');
    else reply = await this.route(r);
    res.writeHead(reply.status, { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' });
    res.end(reply.status === 204 ? undefined : JSON.stringify(reply.body ?? {}));
  }
}
