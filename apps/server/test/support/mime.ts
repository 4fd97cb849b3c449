/**
 * Just enough MIME decoding to read what a single-part text e-mail says: unfolded headers with RFC 2047
 * encoded words, and the body by its Content-Transfer-Encoding (base64 / quoted-printable / 7bit), UTF-8.
 */
export interface DecodedMail {
  headers: Record<string, string>;
  text: string;
}

const decodeQ = (s: string, underscoreIsSpace: boolean) => {
  const bytes: number[] = [];
  const src = underscoreIsSpace ? s.replace(/_/g, ' ') : s;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(src.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
};

const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQ(data, true),
    );

export function decodeMail(raw: string): DecodedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQ(body.replace(/=\r\n/g, ''), false)
        : Buffer.from(body, 'latin1').toString('utf8');
  return { headers, text: text.replace(/\r\n$/, '') };
}
