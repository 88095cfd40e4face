import { createHash, randomBytes } from "node:crypto";
import type { OAuthClientConfig } from "./options";

/** Doorkeeper-style token record: one row holds an access token and its refresh token. */
export interface TokenRecord {
  accessToken: string;
  refreshToken: string | null;
  clientId: string;
  userId: number;
  scope: string;
  createdAtMs: number;
  /** null = never expires (static sandbox tokens). */
  expiresInSeconds: number | null;
  revoked: boolean;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: number;
  scope: string;
  expiresAtMs: number;
  used: boolean;
  /** PKCE (RFC 7636, S256 only): the token request must bring the verifier that hashes to this. */
  codeChallenge: string | null;
}

/** Doorkeeper's default authorization-code lifetime. */
export const CODE_TTL_SECONDS = 600;
export const STATIC_CLIENT_ID = "sandbox-static-token";

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export class OAuthStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly byAccess = new Map<string, TokenRecord>();
  private readonly byRefresh = new Map<string, TokenRecord>();

  constructor(
    readonly clients: readonly OAuthClientConfig[],
    staticTokens: readonly string[],
    staticUserId: number,
  ) {
    for (const token of staticTokens) {
      this.byAccess.set(token, {
        accessToken: token,
        refreshToken: null,
        clientId: STATIC_CLIENT_ID,
        userId: staticUserId,
        scope: "public write update",
        createdAtMs: 0,
        expiresInSeconds: null,
        revoked: false,
      });
    }
  }

  findClient(clientId: string | undefined): OAuthClientConfig | undefined {
    return this.clients.find((client) => client.clientId === clientId);
  }

  /** Client authentication by id + secret; undefined when unknown or the secret is wrong. */
  authenticateClient(
    clientId: string | undefined,
    secret: string | undefined,
  ): OAuthClientConfig | undefined {
    const client = this.findClient(clientId);
    return client && client.clientSecret === secret ? client : undefined;
  }

  issueCode(
    input: Omit<AuthorizationCode, "code" | "used" | "codeChallenge"> & { codeChallenge?: string | null },
  ): AuthorizationCode {
    const record: AuthorizationCode = {
      ...input,
      codeChallenge: input.codeChallenge ?? null,
      code: randomBytes(20).toString("hex"),
      used: false,
    };
    this.codes.set(record.code, record);
    return record;
  }

  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  issueToken(input: {
    clientId: string;
    userId: number;
    scope: string;
    nowMs: number;
    ttlSeconds: number;
  }): TokenRecord {
    const record: TokenRecord = {
      accessToken: randomToken(),
      refreshToken: randomToken(),
      clientId: input.clientId,
      userId: input.userId,
      scope: input.scope,
      createdAtMs: input.nowMs,
      expiresInSeconds: input.ttlSeconds,
      revoked: false,
    };
    this.byAccess.set(record.accessToken, record);
    if (record.refreshToken) this.byRefresh.set(record.refreshToken, record);
    return record;
  }

  findByAccessToken(token: string): TokenRecord | undefined {
    return this.byAccess.get(token);
  }

  findByRefreshToken(token: string): TokenRecord | undefined {
    return this.byRefresh.get(token);
  }

  isExpired(record: TokenRecord, nowMs: number): boolean {
    return record.expiresInSeconds !== null && nowMs >= record.createdAtMs + record.expiresInSeconds * 1000;
  }
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)) must equal the challenge; verifiers are 43–128 chars. */
export function pkceMatches(challenge: string, verifier: string | undefined): boolean {
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}
