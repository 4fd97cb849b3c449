/**
 * 脱敏 (masking) of personal data for display.
 *
 * Why: ID numbers and phones are shown masked by default; revealing the full value is a separate,
 * audited action (docs/domain.md §10, 等保 2.0 三级). Malformed input is masked too, never echoed in full.
 */

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(-keepEnd).join('')
  );
}

/** '13812341234' → '138****1234' (first 3, last 4). */
export function maskMobile(mobile: string): string {
  return maskMiddle(String(mobile ?? '').trim(), 3, 4);
}

/** '430103199001011234' → '430103********1234' (first 6 = address code, last 4). */
export function maskIdCard(idNumber: string): string {
  return maskMiddle(String(idNumber ?? '').trim(), 6, 4);
}
