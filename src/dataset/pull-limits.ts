/** pull's limits and progress type, apart from pull itself so that the CLI starts without loading it. */
/** Limits of a pull; every one ends it with a clear error rather than a hang or unbounded memory. */
export interface PullLimits {
  /** Largest index.json read (it is held in memory whole). */
  indexMaxBytes: number;
  /** Time to open the TCP connection. */
  connectTimeoutMs: number;
  /** Longest silence while waiting for an answer or between bytes. */
  idleTimeoutMs: number;
  /** The whole pull, every file and retry together. */
  deadlineMs: number;
  /** Follow index URLs and redirects to other hosts than the base URL's. */
  allowOtherHosts: boolean;
}

export const DEFAULT_LIMITS: PullLimits = {
  indexMaxBytes: 16 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  deadlineMs: 6 * 3600_000,
  allowOtherHosts: false,
};

export interface PullProgress {
  file: string;
  done: number;
  total: number;
}
