import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { UserRecord } from '../../simulated-erp/model.js';
import { problem } from './problem.js';

export interface AuthOptions {
  /** HS256 shared secret (`JWT_SECRET`). */
  secret?: string;
  /** Or a JWKS URL of the host's identity provider (`JWT_JWKS_URL`). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/**
 * The claims the service reads from a bearer token: `sub` (user id), `name`, `groups` (ids),
 * `erp_licence` (holds the ERP sync licence) and `erp_admin` (may administer). Everything else the
 * service decides itself (availability, connection scope, admin routes).
 */
export interface ErpClaims extends JWTPayload {
  name?: string;
  groups?: string[];
  erp_licence?: boolean;
  erp_admin?: boolean;
}

export function createVerifier(options: AuthOptions): (authorization: string | undefined) => Promise<UserRecord> {
  const key = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : new TextEncoder().encode(options.secret ?? '');
  if (!options.jwksUrl && !options.secret) throw new Error('Set JWT_SECRET or JWT_JWKS_URL');
  // A widget sends the same token with every call: a token verified in the last minute (and not
  // expired since) is not verified again. A minute at most, so a key withdrawn from the JWKS stops
  // working soon; bounded, oldest out first.
  const verified = new Map<string, { user: UserRecord; until: number }>();
  return async (authorization) => {
    // The scheme is case-insensitive (RFC 9110, 11.1): "bearer" is as good as "Bearer".
    const m = /^bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(authorization ?? '');
    if (!m) problem(401, 'unauthorized', 'Sign in: a bearer token is required');
    const hit = verified.get(m[1]!);
    if (hit && hit.until > Date.now()) return { ...hit.user, groups: [...hit.user.groups] };
    if (hit) verified.delete(m[1]!);
    const user = await verify(m[1]!);
    if (verified.size >= 1000) verified.delete(verified.keys().next().value!);
    verified.set(m[1]!, { user: { ...user.record, groups: [...user.record.groups] }, until: Math.min(Date.now() + 60_000, user.exp ?? Infinity) });
    return user.record;
  };

  async function verify(token: string): Promise<{ record: UserRecord; exp?: number }> {
    let claims: ErpClaims;
    try {
      const result = await jwtVerify<ErpClaims>(token, key as never, {
        algorithms: options.jwksUrl ? undefined : ['HS256'],
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      });
      claims = result.payload;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      problem(401, 'unauthorized', expired ? 'Your session has expired: sign in again' : 'The token is not valid: sign in again');
    }
    if (typeof claims.sub !== 'string' || !claims.sub) problem(401, 'unauthorized', 'The token names no user');
    const record: UserRecord = {
      id: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      groups: Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [],
      licence: claims.erp_licence === true,
      admin: claims.erp_admin === true,
    };
    return { record, ...(typeof claims.exp === 'number' ? { exp: claims.exp * 1000 } : {}) };
  }
}

/** Signs a token the way the demo's development sign-in does (HS256, one hour). */
export function signToken(secret: string, user: UserRecord, expiresIn = '1h'): Promise<string> {
  return new SignJWT({ name: user.name, groups: user.groups, erp_licence: user.licence, erp_admin: user.admin })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
