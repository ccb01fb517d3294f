/** Connections to Redis for BullMQ, and a first check that fails fast and clearly when Redis is not there. */
import { Redis } from 'ioredis';
import { parseRedisUrl, RedisUnavailableError } from './protocol.ts';

/** Seconds a first connection may take. */
export const CONNECT_TIMEOUT_MS = 5000;

/** Password shown as *** in messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * A connection as BullMQ needs it (maxRetriesPerRequest null: blocking commands wait through
 * reconnects). It reconnects for ever; callers that must not wait for ever watch `status` themselves.
 */
export function connect(url: string): Redis {
  parseRedisUrl(url);
  const r = new Redis(url, { maxRetriesPerRequest: null, connectTimeout: CONNECT_TIMEOUT_MS, retryStrategy: (n) => Math.min(n * 200, 2000) });
  r.on('error', () => {}); // reconnects are watched through `status`; an unhandled 'error' would crash the process
  return r;
}

/** Seconds the first check (connect, then PING) may take in all: a server that accepts the connection but never answers (not Redis, a stuck proxy) must not hang the build. */
export const FIRST_ANSWER_TIMEOUT_MS = 10_000;

/** Connect once, no retries, and PING: throws RedisUnavailableError saying which URL and why. */
export async function requireRedis(url: string): Promise<void> {
  parseRedisUrl(url);
  const r = new Redis(url, { maxRetriesPerRequest: 0, connectTimeout: CONNECT_TIMEOUT_MS, commandTimeout: FIRST_ANSWER_TIMEOUT_MS, retryStrategy: () => null, lazyConnect: true, enableOfflineQueue: false });
  let last: Error | null = null;
  r.on('error', (e: Error) => (last = e));
  let timer: NodeJS.Timeout | undefined;
  try {
    // ioredis's connectTimeout ends with the TCP connection; its ready check (INFO) has no limit of its own.
    await Promise.race([
      r.connect().then(() => r.ping()),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${FIRST_ANSWER_TIMEOUT_MS / 1000} s (is it a Redis server?)`)), FIRST_ANSWER_TIMEOUT_MS))),
    ]);
  } catch (err) {
    const why = (last as Error | null)?.message ?? (err as Error).message;
    throw new RedisUnavailableError(`cannot reach Redis at ${safeUrl(url)}: ${why}`);
  } finally {
    clearTimeout(timer);
    r.disconnect();
  }
}
