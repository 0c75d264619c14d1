// A small JSON-RPC client for Tryton (no maintained npm client exists): one session per server,
// database and user, logged in once and again when Tryton answers 401; values of Tryton's own types
// (`{"__class__": …}`) decoded on the way in and encoded on the way out.
import { request } from 'undici';

export interface TrytonLogin {
  /** The server's base URL, e.g. http://127.0.0.1:8000 */
  url: string;
  database: string;
  user: string;
  password: string;
  timeoutMs?: number;
}

/** What Tryton answered instead of a result: its exception's name and its own message. */
export class TrytonError extends Error {
  constructor(
    /** `UserError`, `UserWarning`, `ConcurrencyException`, `AccessError`, `LoginError`, `Unreachable`, `Protocol`, … */
    readonly kind: string,
    message: string,
    /** Tryton's longer explanation, where it sent one. */
    readonly description = '',
  ) {
    super(message);
  }
}

/** A Tryton datetime or date as ISO text, a Decimal as its digits: values the protocol carries as strings. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  switch (v.__class__) {
    case 'datetime': {
      // To the microsecond, as Tryton keeps it: a time cut to milliseconds would sort before the record's own.
      const p = (n: unknown, w = 2) => String(n ?? 0).padStart(w, '0');
      return `${p(v.year, 4)}-${p(v.month)}-${p(v.day)}T${p(v.hour)}:${p(v.minute)}:${p(v.second)}.${p(v.microsecond, 6)}Z`;
    }
    case 'date':
      return `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`;
    case 'time':
      return `${String(v.hour).padStart(2, '0')}:${String(v.minute).padStart(2, '0')}:${String(v.second ?? 0).padStart(2, '0')}`;
    case 'Decimal':
      return String(v.decimal);
    case 'timedelta':
      return Number(v.seconds);
    case 'bytes':
      return String(v.base64);
    default:
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
}

/** The other way: what Tryton expects for a datetime and a Decimal. */
export const encode = {
  /** An ISO time (fractions to the microsecond kept) as Tryton's datetime. */
  datetime(iso: string) {
    const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?/.exec(iso);
    if (!m) throw new TypeError(`Not an ISO time: ${iso}`);
    const [, year, month, day, hour, minute, second, fraction = ''] = m.map((x) => x ?? '');
    return { __class__: 'datetime', year: +year!, month: +month!, day: +day!, hour: +hour!, minute: +minute!, second: +second!, microsecond: Number(fraction.padEnd(6, '0')) };
  },
  decimal(digits: string) {
    return { __class__: 'Decimal', decimal: digits };
  },
};

export class TrytonRpc {
  private session: Promise<string> | undefined;
  private context: Promise<Record<string, unknown>> | undefined;
  private id = 0;

  constructor(readonly login: TrytonLogin) {}

  /** `model.party.party.search_read` etc., with the user's context (and `extra` on top). */
  async model<T>(method: string, args: unknown[], extra: Record<string, unknown> = {}): Promise<T> {
    const context = { ...(await this.userContext()), ...extra };
    return this.call<T>(`model.${method}`, [...args, context]);
  }

  /** The server's version (`common.server.version`, asked of the server, not of a database). */
  async serverVersion(): Promise<string> {
    return String(await this.post<string>('common.server.version', [], undefined, ''));
  }

  /** Logs in (once, shared by concurrent callers): Tryton's login takes 0.5–2.6 s. */
  async ensureSession(): Promise<string> {
    this.session ??= this.logIn().catch((error) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }

  private async userContext(): Promise<Record<string, unknown>> {
    this.context ??= this.call<Record<string, unknown>>('model.res.user.get_preferences', [true, {}]).catch((error) => {
      this.context = undefined;
      throw error;
    });
    return this.context;
  }

  private async logIn(): Promise<string> {
    const result = await this.post<[number, string]>('common.db.login', [this.login.user, { password: this.login.password }, 'en'], undefined);
    return Buffer.from(`${this.login.user}:${result[0]}:${result[1]}`).toString('base64');
  }

  /** One call with the session; a 401 (an expired or unknown session) logs in again once. */
  async call<T>(method: string, params: unknown[]): Promise<T> {
    const session = await this.ensureSession();
    try {
      return await this.post<T>(method, params, session);
    } catch (error) {
      if (!(error instanceof TrytonError) || error.kind !== 'SessionExpired') throw error;
      if (this.session && (await this.session) === session) this.session = undefined;
      return this.post<T>(method, params, await this.ensureSession());
    }
  }

  /** One JSON-RPC call to a database (`database` '' : to the server itself). */
  private async post<T>(method: string, params: unknown[], session: string | undefined, database = this.login.database): Promise<T> {
    const url = `${this.login.url.replace(/\/$/, '')}/${database ? `${encodeURIComponent(database)}/` : ''}`;
    const signal = AbortSignal.timeout(this.login.timeoutMs ?? 15_000);
    let status: number;
    let text: string;
    try {
      // Exactly id, method and params: a "jsonrpc" member changes the shape of Tryton's answer.
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(session ? { authorization: `Session ${session}` } : {}) },
        body: JSON.stringify({ id: ++this.id, method, params }),
        signal,
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch {
      throw new TrytonError('Unreachable', signal.aborted ? `Tryton did not answer within ${Math.round((this.login.timeoutMs ?? 15_000) / 1000)} s` : `Tryton cannot be reached at ${this.login.url}`);
    }
    if (status === 401) {
      // An HTML page, not JSON: a wrong password at login, an unknown session otherwise.
      if (session) throw new TrytonError('SessionExpired', 'The Tryton session has expired');
      throw new TrytonError('LoginError', `Tryton refused the login of user "${this.login.user}": wrong user name or password`);
    }
    if (status === 403) throw new TrytonError('AccessError', 'Tryton refused access (HTTP 403)');
    if (status === 429) throw new TrytonError('Unreachable', 'Tryton is refusing requests for now (too many login attempts): try again in a minute');
    let answer: { result?: unknown; error?: unknown };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      throw new TrytonError('Protocol', `Tryton answered something that is not JSON-RPC (HTTP ${status})`);
    }
    if (answer.error !== undefined) throw toError(answer.error);
    return decode(answer.result) as T;
  }
}

/** Tryton's error shapes: `["UserError", [message, description, …]]`, `["ConcurrencyException", message]`, or `[message, traceback]`. */
function toError(error: unknown): TrytonError {
  if (!Array.isArray(error)) return new TrytonError('Error', String(error));
  const [first, detail] = error as [unknown, unknown];
  const known = ['UserError', 'UserWarning', 'ConcurrencyException', 'AccessError', 'LoginException', 'RateLimitException', 'MissingDependenciesException'];
  if (typeof first === 'string' && known.includes(first)) {
    const parts = Array.isArray(detail) ? detail : [detail];
    return new TrytonError(first, String(parts[0] ?? first), typeof parts[1] === 'string' ? parts[1] : '');
  }
  // Anything else is a server fault: its first element is the message, the second a traceback we keep out.
  const message = String(first ?? 'Tryton failed');
  if (/doesn't exist/i.test(message) && /database/i.test(message)) return new TrytonError('UnknownDatabase', message);
  return new TrytonError('Error', message.slice(0, 300));
}
