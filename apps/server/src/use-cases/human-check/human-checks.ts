/**
 * 人机验证 (server side) for anonymous objections: a challenge is an arithmetic question drawn as a noisy
 * SVG; the answer is stored only as a keyed hash (HMAC-SM3 with the challenge id), valid for 10 minutes
 * and for one attempt — the attempt is committed before the answer is compared, so a wrong answer uses
 * the challenge up as well. The check is skipped only when the configuration says so (test and demo
 * modes; config.ts refuses the setting in production, and it is ignored here in production too).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import {
  assertHumanCheckAnswer,
  HUMAN_CHECK_TTL_MS,
  humanCheckRefusal,
  makeArithmeticChallenge,
  normalizeHumanCheckAnswer,
} from '@skillcert/domain';
import type { HumanCheckChallengeDto } from '@skillcert/contracts';
import type { AppDeps } from '../../deps';
import { humanChecks } from '../../db/schema';
import { challengeImageUrl } from './challenge-image';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Used and expired challenges are deleted a day after they expire. */
const KEEP_MS = 24 * 3_600_000;

type Deps = Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto' | 'config'>;

const answerHash = (deps: Deps, id: string, answer: string) =>
  deps.fieldCrypto.mac(`human-check:${id}:${answer}`);

export const humanCheckBypassed = (config: AppDeps['config']): boolean =>
  config.humanCheckBypass && config.mode !== 'production';

export async function createHumanCheck(deps: Deps): Promise<HumanCheckChallengeDto> {
  const now = deps.clock.now();
  const challenge = makeArithmeticChallenge(new Uint8Array(randomBytes(3)));
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + HUMAN_CHECK_TTL_MS);
  await deps.db.delete(humanChecks).where(lt(humanChecks.expiresAt, new Date(now.getTime() - KEEP_MS)));
  await deps.db.insert(humanChecks).values({
    id,
    answerHash: answerHash(deps, id, challenge.answer),
    expiresAt,
    createdAt: now,
  });
  return {
    id,
    image: challengeImageUrl(challenge.question),
    expiresAt: expiresAt.toISOString(),
    // The API tests answer the real check; no other mode ever sends the answer.
    ...(deps.config.mode === 'test' ? { answer: challenge.answer } : {}),
  };
}

/**
 * Uses up the challenge and checks the answer: HUMAN_CHECK_UNKNOWN / _USED / _EXPIRED / _WRONG (400).
 * Runs in its own transaction, committed before the answer is judged.
 */
export async function consumeHumanCheck(
  deps: Deps,
  id: string | undefined,
  answer: string | undefined,
): Promise<void> {
  if (humanCheckBypassed(deps.config)) return;
  const now = deps.clock.now();
  const matches = await deps.db.transaction(async (tx) => {
    const [row] =
      id && UUID.test(id)
        ? await tx.select().from(humanChecks).where(eq(humanChecks.id, id)).for('update')
        : [];
    const refusal = humanCheckRefusal(row ?? null, now);
    if (refusal) throw refusal;
    await tx.update(humanChecks).set({ usedAt: now }).where(eq(humanChecks.id, row!.id));
    const given = normalizeHumanCheckAnswer(answer ?? '');
    return given !== '' && answerHash(deps, row!.id, given) === row!.answerHash;
  });
  assertHumanCheckAnswer(matches);
}
