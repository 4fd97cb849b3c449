/**
 * Expert and spot-check assignments change status only through their machines' writer
 * (recordMachineTransition): no other server file updates those tables or sets their status by hand.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SERVER_SRC = path.join(import.meta.dirname, '../src');
const sources = (readdirSync(SERVER_SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(SERVER_SRC, f), 'utf8') }));

describe('assignment status writers', () => {
  it('finds the server sources', () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it.each(['expertAssignments', 'spotCheckAssignments', 'expert_assignments', 'spot_check_assignments'])(
    'nothing updates %s directly',
    (table) => {
      const direct = sources
        .filter(({ text }) =>
          new RegExp(`update\\(\\s*${table}\\s*\\)|update\\s+"?${table}"?\\s+set`, 'i').test(text),
        )
        .map(({ file }) => file);
      expect(direct).toEqual([]);
    },
  );
});
