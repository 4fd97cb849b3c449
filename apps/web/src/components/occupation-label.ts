/**
 * How the web names an occupation (职业) and, where given, its job (工种) — written once, so every table,
 * picker and form shows the same words: 名称（工种） in the running text, 代码 名称 where the code matters.
 */

interface OccupationRef {
  /** Null on records whose occupation left the catalogue. */
  occupationCode: string | null;
  occupationName?: string | null;
  jobName?: string | null;
}

const jobSuffix = (jobName?: string | null) => (jobName ? `（${jobName}）` : '');

/** 中式烹调师 — the name, or the code where the catalogue has no name for it. */
export const occupationNameOf = (o: OccupationRef) => o.occupationName ?? o.occupationCode ?? '';

/** 中式烹调师（中式面点） */
export const occupationWithJob = (o: OccupationRef) => `${occupationNameOf(o)}${jobSuffix(o.jobName)}`;

/** 4-03-02-01 中式烹调师, with the job in brackets when given. */
export const codedOccupation = (code: string, name?: string | null, jobName?: string | null) =>
  `${code} ${name ?? ''}${jobSuffix(jobName)}`;
