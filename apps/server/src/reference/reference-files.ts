/** Paths of the reference data shipped in the repo (see reference-data/SOURCES.md for their sources). */
import path from 'node:path';
import { readFileSync } from 'node:fs';

export const referenceDataDir = path.resolve(import.meta.dirname, '../../../../reference-data');

export function readReferenceJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(referenceDataDir, file), 'utf8')) as T;
}
