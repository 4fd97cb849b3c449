/** Shared steps of the demo seed: acting as a demo user, drafting with materials, submitting. */
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { isRole, runPrecheck, todayInShanghai, type Actor } from '@skillcert/domain';
import type { ScopeItemInput } from '@skillcert/contracts';
import type { AppDeps } from '../deps';
import { applications, users } from '../db/schema';
import { createApplication, saveFacts, saveScopeItems } from '../use-cases/applications/drafts';
import { attachMaterial, uploadRuleFor } from '../use-cases/applications/materials';
import { receiveUpload } from '../use-cases/files/uploaded-file';
import { buildPrecheckContext } from '../use-cases/applications/precheck-context';
import { submitApplication } from '../use-cases/applications/submit-application';

export const meta = { ip: '127.0.0.1', userAgent: 'demo-seed' };

export async function actorOf(deps: Pick<AppDeps, 'db'>, username: string): Promise<Actor> {
  const [u] = await deps.db.select().from(users).where(eq(users.username, username));
  if (!u || !isRole(u.role)) throw new Error(`demo user ${username} missing`);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    cityCode: u.cityCode,
    organizationId: u.organizationId,
    isOrgAdmin: u.isOrgAdmin,
  };
}

/** A small but real PDF, so the demo materials open in a viewer. */
function demoPdf(title: string): Buffer {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function uploadAll(deps: AppDeps, actor: Actor, applicationId: string, slotKeys: string[]) {
  for (const key of slotKeys) {
    const rule = await uploadRuleFor(deps, actor, applicationId, key);
    const file = await receiveUpload(deps.storage, Readable.from(demoPdf(key)), `${key}.pdf`, rule);
    await attachMaterial(deps, actor, applicationId, key, file, meta);
  }
}

export async function draftWith(
  deps: AppDeps,
  username: string,
  roundId: string,
  facts: Record<string, unknown>,
  items: ScopeItemInput[],
  upload: boolean,
) {
  const actor = await actorOf(deps, username);
  const { id } = await createApplication(deps, actor, roundId, meta);
  let [row] = await deps.db.select().from(applications).where(eq(applications.id, id));
  await saveFacts(deps, actor, id, facts, row!.version, meta);
  [row] = await deps.db.select().from(applications).where(eq(applications.id, id));
  await saveScopeItems(deps, actor, id, items, row!.version, meta);
  if (upload) {
    const slots = [
      'legal_entity_proof',
      'theory_venue',
      'practical_venue',
      'video_surveillance',
      'department_staff',
      'expert_team',
      'question_bank',
      'quality_control',
      'commitment_letter',
    ];
    await uploadAll(deps, actor, id, slots);
  }
  return { actor, id };
}

export async function submitIfClean(deps: AppDeps, actor: Actor, id: string, signerName: string) {
  const [row] = await deps.db.select().from(applications).where(eq(applications.id, id));
  const result = runPrecheck(await buildPrecheckContext(deps.db, row!, todayInShanghai(deps.clock.now())));
  if (result.blocking)
    throw new Error(
      `demo application ${id} unexpectedly fails: ${result.findings.map((f) => f.code).join(',')}`,
    );
  await submitApplication(
    deps,
    actor,
    id,
    { version: row!.version, signerName, acknowledgedWarnings: result.warningCodes },
    meta,
  );
}
