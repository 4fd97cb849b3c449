import { describe, expect, it } from 'vitest';
import { detectFileType } from '../src/file-type';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe('detectFileType decides by content, not by name', () => {
  it.each([
    ['PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'pdf'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'jpg'],
    ['any ZIP (XLSX/DOCX decided from its content types)', bytes(0x50, 0x4b, 0x03, 0x04), 'zip'],
    ['MP4', bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d), 'mp4'],
    ['ELF executable', bytes(0x7f, 0x45, 0x4c, 0x46), 'unknown'],
    ['Windows executable (MZ)', bytes(0x4d, 0x5a, 0x90, 0x00), 'unknown'],
    ['empty', new Uint8Array(), 'unknown'],
  ])('%s → %s', (_label, head, expected) => {
    expect(detectFileType(head)).toBe(expected);
  });
});
