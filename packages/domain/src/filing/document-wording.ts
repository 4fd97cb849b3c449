/**
 * 文书用语: the words generated documents (公示, 第N批名单, 备案确认通知书) print about what the system did,
 * kept to what is true of the bodies they name.
 * - The notice a round implements is cited by its exact title (a field of the round, defaulting to the
 *   2022-10-20 notice), never by a paraphrase.
 * - "社会培训评价组织" names a body filed for social evaluation (通知第四条: "备案成为社会培训评价组织的企业、
 *   院校及其它机构…面向全体劳动者"); a body filed only for self-evaluation is a 企业/院校 自主评价 body.
 * - "经…抽查复核" is said only of bodies that were in the spot-check sample (通知第五条第三款 抽查 is a
 *   random sample, not every application).
 */
import type { FilingMode, OrganizationKind } from './filing-mode';

/** The exact title of the notice (湘人社, 2022-10-20) the collection rounds implement. */
export const NOTICE_DOCUMENT_TITLE =
  '关于面向企业、技工院校等单位开展职业技能等级认定紧缺职业（工种）征集工作的通知';

/** 《…》 around each title, in order, without repeats (a list may span rounds of different notices). */
export function citeDocuments(titles: readonly string[]): string {
  return [...new Set(titles.map((t) => t.trim()).filter((t) => t !== ''))].map((t) => `《${t}》`).join('');
}

/** What a filed body is called, from the modes it is filed for and its kind. */
export function bodyDesignation(kind: OrganizationKind, modes: readonly FilingMode[]): string {
  if (modes.includes('social') || kind === 'other') return '社会培训评价组织';
  return kind === 'school' ? '院校自主评价机构' : '企业自主评价机构';
}

/**
 * The steps a set of bodies went through before publication: '市州推荐、省级评估', with '实地抽查复核'
 * when every body was sampled, or a note naming how many were when only some were.
 */
export function reviewSteps(bodies: number, sampledBodies: number): { steps: string; note: string } {
  if (bodies > 0 && sampledBodies >= bodies) return { steps: '市州推荐、省级评估、实地抽查复核', note: '' };
  return {
    steps: '市州推荐、省级评估',
    note: sampledBodies > 0 ? `（其中${sampledBodies}家经实地抽查复核）` : '',
  };
}
