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

/** Connect once, no retries, and PING: throws RedisUnavailableError saying which URL and why. */
export async function requireRedis(url: string): Promise<void> {
  parseRedisUrl(url);
  const r = new Redis(url, { maxRetriesPerRequest: 0, connectTimeout: CONNECT_TIMEOUT_MS, retryStrategy: () => null, lazyConnect: true, enableOfflineQueue: false });
  let last: Error | null = null;
  r.on('error', (e: Error) => (last = e));
  try {
    await r.connect();
    await r.ping();
  } catch (err) {
    const why = (last as Error | null)?.message ?? (err as Error).message;
    throw new RedisUnavailableError(`cannot reach Redis at ${safeUrl(url)}: ${why}`);
  } finally {
    r.disconnect();
  }
}
