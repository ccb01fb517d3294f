/**
 * bench/threads-pair.ts's worker module: the build's tasks (pipeline/tasks.ts), plus 'whoami', which
 * answers with the worker's own thread id so that its CPU can be told apart from V8's helper threads.
 */
import { readlinkSync } from 'node:fs';
export { preload, share } from '../pipeline/tasks.ts';
import { handle as buildHandle, type Task } from '../pipeline/tasks.ts';
import type { BuildSettings } from '../src/dataset/stage.ts';

export async function handle(input: Task | { task: 'whoami' }, settings: BuildSettings): Promise<unknown> {
  if (input.task === 'whoami') return Number(readlinkSync('/proc/thread-self').split('/').pop());
  return buildHandle(input, settings);
}
