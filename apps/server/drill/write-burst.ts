/**
 * A bounded burst of writes against a running server: self-registrations (each with a licence upload)
 * and the city centre's activations (a status transition). A write counts as acknowledged only when its
 * whole 2xx answer arrived; what was in flight when the server died is "unknown" — it may or may not
 * have committed, and either is correct as long as it is whole.
 */
import { createHash } from 'node:crypto';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { login } from './http-client';

export interface AcknowledgedRegistration {
  organizationId: string;
  creditCode: string;
  username: string;
  licenceSha256: string;
}

export interface BurstLedger {
  registrations: AcknowledgedRegistration[];
  activations: Set<string>;
  /** How many acknowledged registrations the activation loop has taken up (it continues across restarts). */
  activationCursor: number;
  /** Requests whose answer never arrived (the server died under them). */
  unanswered: number;
  /** Answers other than the expected ones (should stay 0; printed). */
  refused: string[];
}

export const newLedger = (): BurstLedger => ({
  registrations: [],
  activations: new Set(),
  activationCursor: 0,
  unanswered: 0,
  refused: [],
});

let serial = 0;

/**
 * A valid, unique unified social credit code of a Changsha enterprise (Hunan prefix 43): `runTag` is two
 * characters of the code's alphabet (no I, O, Z, S, V) naming the drill round.
 */
function nextCreditCode(runTag: string): string {
  serial += 1;
  const body = `91430100MA${runTag}${String(serial).padStart(5, '0')}`;
  return body + computeCreditCodeCheckChar(body);
}

function licencePdf(tag: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% 演练营业执照 ${tag}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'utf8');
}

async function registerOne(baseUrl: string, runTag: string, ledger: BurstLedger): Promise<void> {
  const creditCode = nextCreditCode(runTag);
  const username = `drill_${creditCode.slice(8, 17).toLowerCase()}`;
  const pdf = licencePdf(creditCode);
  const form = new FormData();
  const fields: Record<string, string> = {
    orgName: `演练${creditCode.slice(12, 17)}号智能装备有限公司`,
    creditCode,
    kind: 'enterprise',
    isAboveScale: 'true',
    cityCode: '430100',
    countyCode: '430104',
    contactName: '演练联系人',
    contactPhone: '13912345678',
    username,
    displayName: '演练联系人',
    password: 'Drill#2026x',
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('licence', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), '营业执照.pdf');
  const res = await fetch(`${baseUrl}/api/public/registrations`, { method: 'POST', body: form });
  const body = await res.text();
  if (res.status !== 201) {
    ledger.refused.push(`注册 ${res.status} ${body.slice(0, 120)}`);
    return;
  }
  const { organizationId } = JSON.parse(body) as { organizationId: string };
  ledger.registrations.push({
    organizationId,
    creditCode,
    username,
    licenceSha256: createHash('sha256').update(pdf).digest('hex'),
  });
}

async function loop(stop: () => boolean, ledger: BurstLedger, step: () => Promise<void>): Promise<void> {
  while (!stop()) {
    try {
      await step();
    } catch {
      // The connection died with the server: the write's fate is unknown until the check.
      ledger.unanswered += 1;
      return;
    }
  }
}

/**
 * Runs `registrars` registration loops and one activation loop (as the Changsha city centre) until
 * `stop()` turns true or the server dies. `runTag` (two characters of the credit code's alphabet) keeps credit
 * codes unique across rounds on the same database.
 */
export async function runWriteBurst(
  baseUrl: string,
  runTag: string,
  ledger: BurstLedger,
  stop: () => boolean,
  registrars = 4,
): Promise<void> {
  const center = await login(baseUrl, 'cs_zx', DEMO_PASSWORD);
  const activateNext = async () => {
    const target = ledger.registrations[ledger.activationCursor];
    if (!target) {
      await new Promise((r) => setTimeout(r, 20));
      return;
    }
    ledger.activationCursor += 1;
    const org = await center.get(`/api/organizations/${target.organizationId}`);
    if (org.status !== 200) {
      ledger.refused.push(`查看单位 ${org.status}`);
      return;
    }
    const { version } = (await org.json()) as { version: number };
    const res = await center.post(`/api/organizations/${target.organizationId}/activate`, { version });
    const text = await res.text();
    if (res.status === 200) ledger.activations.add(target.organizationId);
    else ledger.refused.push(`激活 ${res.status} ${text.slice(0, 120)}`);
  };
  await Promise.all([
    ...Array.from({ length: registrars }, () =>
      loop(stop, ledger, () => registerOne(baseUrl, runTag, ledger)),
    ),
    loop(stop, ledger, activateNext),
  ]);
}
