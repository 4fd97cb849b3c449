/**
 * The picture of a human-check question (人机验证): every character is drawn as a stroked path (there is
 * no text in the SVG to copy), each with its own slant, size and colour, over random curves and dots.
 * Not a defence against determined OCR — the single use, the 10-minute expiry and the rate limit are —
 * but it keeps scripts from reading the answer out of the response.
 */
import { randomInt } from 'node:crypto';

/** Glyphs in a 20 × 30 box. */
const GLYPHS: Record<string, string> = {
  '0': 'M10 3 C2 3 2 27 10 27 C18 27 18 3 10 3 Z',
  '1': 'M6 8 L11 3 L11 27 M6 27 L16 27',
  '2': 'M4 8 C4 1 16 1 16 8 C16 14 4 20 4 27 L16 27',
  '3': 'M4 5 C8 1 16 2 16 8 C16 13 12 14 9 14 C13 14 17 16 17 21 C17 28 7 29 3 25',
  '4': 'M13 27 L13 3 L3 19 L17 19',
  '5': 'M16 3 L5 3 L4 13 C8 10 17 11 17 19 C17 27 7 29 3 24',
  '6': 'M15 4 C7 1 4 10 4 18 C4 28 16 28 16 20 C16 13 6 12 4 19',
  '7': 'M3 3 L17 3 L8 27',
  '8': 'M10 14 C3 14 3 3 10 3 C17 3 17 14 10 14 C2 14 2 27 10 27 C18 27 18 14 10 14 Z',
  '9': 'M16 11 C14 18 4 17 4 10 C4 2 16 2 16 11 C16 19 13 27 5 26',
  '+': 'M10 9 L10 23 M3 16 L17 16',
  '-': 'M3 16 L17 16',
  '×': 'M4 10 L16 22 M16 10 L4 22',
  '=': 'M3 12 L17 12 M3 20 L17 20',
  '?': 'M4 8 C4 1 16 1 16 8 C16 13 10 14 10 19 M10 24 L10 26',
};

const WIDTH = 200;
const HEIGHT = 64;
const between = (min: number, max: number) => randomInt(min, max + 1);
const colour = () => `rgb(${between(20, 110)},${between(20, 110)},${between(40, 140)})`;
const light = () => `rgb(${between(140, 210)},${between(140, 210)},${between(140, 210)})`;

export function renderChallengeSvg(question: string): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="100%" height="100%" fill="rgb(${between(236, 250)},${between(240, 252)},${between(244, 255)})"/>`,
  ];
  for (let i = 0; i < 6; i++) {
    parts.push(
      `<path d="M${between(0, 30)} ${between(5, 59)} C${between(40, 90)} ${between(0, 64)} ${between(100, 160)} ${between(0, 64)} ${between(170, 200)} ${between(5, 59)}" stroke="${light()}" stroke-width="${between(1, 2)}" fill="none"/>`,
    );
  }
  const chars = [...question].filter((c) => c !== ' ');
  const step = Math.min(26, (WIDTH - 16) / Math.max(chars.length, 1));
  chars.forEach((c, i) => {
    const glyph = GLYPHS[c];
    if (!glyph) return;
    const x = 8 + i * step + between(-2, 2);
    const y = between(6, 14);
    const scale = between(90, 115) / 100;
    parts.push(
      `<path d="${glyph}" transform="translate(${x} ${y}) rotate(${between(-18, 18)} 10 15) scale(${scale})" stroke="${colour()}" stroke-width="${between(22, 30) / 10}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`,
    );
  });
  for (let i = 0; i < 40; i++) {
    parts.push(
      `<circle cx="${between(0, WIDTH)}" cy="${between(0, HEIGHT)}" r="${between(5, 15) / 10}" fill="${light()}"/>`,
    );
  }
  for (let i = 0; i < 2; i++) {
    parts.push(
      `<path d="M0 ${between(15, 50)} Q${between(60, 140)} ${between(0, 64)} ${WIDTH} ${between(15, 50)}" stroke="${colour()}" stroke-opacity="0.55" stroke-width="1.2" fill="none"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** As a data: URL for an <img>. */
export const challengeImageUrl = (question: string) =>
  `data:image/svg+xml;base64,${Buffer.from(renderChallengeSvg(question)).toString('base64')}`;
