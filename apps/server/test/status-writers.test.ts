/**
 * A workflow's status changes only through its machine's writer (ARCHITECTURE.md "State changes"): this
 * scans the server's source for an update of a workflow table that sets `status` anywhere else — in the
 * query builder (`.update(table).set({ status … })`) or in raw SQL (`update <table> set status`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  EXPERT_DRAW_MACHINE,
  NOTICE_ITEM_MACHINE,
  NOTICE_MACHINE,
  OBJECTION_MACHINE,
  ORGANIZATION_MACHINE,
  ROUND_MACHINE,
  SPOT_CHECK_DRAW_MACHINE,
} from '@skillcert/domain';

const SERVER_SRC = path.join(import.meta.dirname, '../src');

/** The one writer of every workflow table (the applications' keeps its stage clock). */
const WRITERS = [
  'use-cases/workflow/record-machine-transition.ts',
  'use-cases/applications/record-transition.ts',
];

/** Workflow tables: the schema's identifier and the SQL name. */
const WORKFLOW_TABLES: Record<string, string> = {
  applications: 'applications',
  collectionRounds: 'collection_rounds',
  publicNotices: 'public_notices',
  publicNoticeItems: 'public_notice_items',
  objections: 'objections',
  spotCheckDraws: 'spot_check_draws',
  draws: 'draws',
  organizations: 'organizations',
};

/** The text of the call that starts at `open` (an opening parenthesis), parentheses balanced. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** Each direct status write in one source text: `<table>` for the query builder, `sql:<table>` for SQL. */
function directStatusWrites(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\.update\(\s*(\w+)\s*\)/g)) {
    if (!(m[1]! in WORKFLOW_TABLES)) continue;
    const rest = text.slice(m.index + m[0].length);
    const set = /^\s*\.set\(/.exec(rest);
    if (!set) continue;
    const values = callArguments(rest, set[0].length - 1);
    // `status: …` or the shorthand `{ status }` / `{ …, status, … }`.
    if (/(^|[{,\s])status\s*(:|,|\})/.test(values)) found.push(m[1]!);
  }
  const tables = Object.values(WORKFLOW_TABLES).join('|');
  for (const m of text.matchAll(
    new RegExp(`update\\s+"?(${tables})"?\\s+set\\s+[^;\`]*?\\bstatus\\s*=`, 'gi'),
  )) {
    found.push(`sql:${m[1]!.toLowerCase()}`);
  }
  return found;
}

describe('workflow status writers', () => {
  it('finds the direct writes it is meant to find (so a clean scan means something)', () => {
    expect(
      directStatusWrites(`await tx.update(publicNotices).set({ status: 'passed', passedAt: now })`),
    ).toEqual(['publicNotices']);
    expect(directStatusWrites(`tx.update(objections)\n  .set({ reply, status })\n  .where(x)`)).toEqual([
      'objections',
    ]);
    expect(directStatusWrites("await tx.execute(sql`update spot_check_draws set status = 'void'`)")).toEqual([
      'sql:spot_check_draws',
    ]);
    expect(directStatusWrites(`tx.update(publicNoticeItems).set({ statusReason: reply })`)).toEqual([]);
    expect(directStatusWrites(`tx.update(collectionRounds).set({ title, version: 2 })`)).toEqual([]);
    expect(directStatusWrites(`tx.update(inspectors).set({ status: 'x' })`)).toEqual([]);
  });

  it('no status of a workflow table is written outside its writer', () => {
    const offenders: string[] = [];
    for (const file of readdirSync(SERVER_SRC, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || WRITERS.includes(file.split(path.sep).join('/'))) continue;
      const writes = directStatusWrites(readFileSync(path.join(SERVER_SRC, file), 'utf8'));
      offenders.push(...writes.map((w) => `${file}: ${w}`));
    }
    expect(offenders).toEqual([]);
  });

  it("every machine's audit action has its Chinese name", () => {
    const machines = [
      ROUND_MACHINE,
      NOTICE_MACHINE,
      NOTICE_ITEM_MACHINE,
      OBJECTION_MACHINE,
      SPOT_CHECK_DRAW_MACHINE,
      EXPERT_DRAW_MACHINE,
      ORGANIZATION_MACHINE,
    ];
    const unnamed = machines.flatMap((m) =>
      Object.values(m.transitions)
        .map((t) => (t as { audit: string }).audit)
        .filter((a) => !(a in AUDIT_ACTION_LABELS)),
    );
    expect(unnamed).toEqual([]);
  });
});
