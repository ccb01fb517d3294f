/** Where each published table's rows come from in the stage folders, in their final order. */
import { join } from 'node:path';
import { readJsonl } from '../util/jsonl.ts';
import { exists } from '../util/files.ts';
import type { Row, TableName } from '../schema/tables.ts';
import { stageDir, type BuildPaths, type StageName } from './stage.ts';

/** Rejects of every stage, in stage order. */
const REJECT_STAGES: StageName[] = ['ingest', 'clean', 'segment', 'extract'];

async function* rejects(p: BuildPaths): AsyncGenerator<Row> {
  for (const s of REJECT_STAGES) {
    const path = join(stageDir(p, s), 'rejects.jsonl');
    if (await exists(path)) yield* readJsonl<Row>(path);
  }
}

export function tableRows(p: BuildPaths): Record<TableName, () => AsyncIterable<Row>> {
  const extract = stageDir(p, 'extract');
  return {
    articles: () => readJsonl<Row>(join(extract, 'articles.jsonl')),
    statements: () => readJsonl<Row>(join(extract, 'statements.jsonl')),
    events: () => readJsonl<Row>(join(extract, 'events.jsonl')),
    rejects: () => rejects(p),
  };
}
