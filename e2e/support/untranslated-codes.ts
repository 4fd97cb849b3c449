/**
 * 界面无未翻译代码: every page a walk visits is watched, as it renders, for the system's own status, action
 * and role codes — taken from the domain's enumerations (application states and actions, roles, the
 * joint spot-check result's states and actions, notice, objection and verdict states, audit actions),
 * so a file name, a URL or a hash never counts: only a whole token equal to one of those codes does.
 * A MutationObserver in each page reports a hit to the walk's process at once (it survives navigations);
 * `browser.close()` then fails with every hit and the page it was on.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  AUDIT_ACTION_LABELS,
  JOINT_RESULT_ACTION_LABELS,
  JOINT_RESULT_STATES,
  NOTICE_ITEM_STATUS_LABELS,
  NOTICE_STATUS_LABELS,
  NOTICE_WINDOW_PHASE_LABELS,
  OBJECTION_STATUS_LABELS,
  PROVINCE_REVIEW_DECISION_LABELS,
  ROLES,
  SCOPE_ITEM_VERDICT_LABELS,
  SPOT_CHECK_OUTCOME_LABELS,
} from '@skillcert/domain';

export const SYSTEM_CODES: readonly string[] = [
  ...new Set([
    ...APPLICATION_STATES,
    ...APPLICATION_ACTIONS,
    ...ROLES,
    ...JOINT_RESULT_STATES,
    ...Object.keys(JOINT_RESULT_ACTION_LABELS),
    ...Object.keys(NOTICE_STATUS_LABELS),
    ...Object.keys(NOTICE_WINDOW_PHASE_LABELS),
    ...Object.keys(NOTICE_ITEM_STATUS_LABELS),
    ...Object.keys(OBJECTION_STATUS_LABELS),
    ...Object.keys(PROVINCE_REVIEW_DECISION_LABELS),
    ...Object.keys(SCOPE_ITEM_VERDICT_LABELS),
    ...Object.keys(SPOT_CHECK_OUTCOME_LABELS),
    ...Object.keys(AUDIT_ACTION_LABELS),
  ]),
].sort();

export interface CodeHit {
  code: string;
  text: string;
  url: string;
}

/**
 * Runs in the page. A token is a maximal run of [A-Za-z0-9_./-] (so `draft.pdf` or `/applications/x`
 * is one token and no code); trailing dots (end of a sentence) are dropped before comparing. Text in
 * <style>/<script> (antd writes CSS at run time) and in form fields is not rendered text and is skipped.
 */
function watcherSource(codes: readonly string[]): string {
  return `(() => {
  const codes = new Set(${JSON.stringify(codes)});
  const skip = new Set(['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);
  const seen = new Set();
  const check = (node) => {
    const parent = node.parentElement;
    if (!parent || skip.has(parent.tagName)) return;
    const text = node.data;
    for (const m of text.matchAll(/[A-Za-z0-9_.\\/-]+/g)) {
      const token = m[0].replace(/\\.+$/, '');
      if (!codes.has(token)) continue;
      const key = token + '|' + location.pathname;
      if (seen.has(key)) continue;
      seen.add(key);
      window.__reportUntranslatedCode?.({ code: token, text: text.trim().slice(0, 120), url: location.pathname + location.search });
    }
  };
  const scan = (root) => {
    if (root.nodeType === Node.TEXT_NODE) return check(root);
    if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) check(n);
  };
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData') check(m.target);
      else m.addedNodes.forEach(scan);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => scan(document));
})();`;
}

async function watch(context: BrowserContext, hits: CodeHit[]): Promise<void> {
  await context.exposeBinding('__reportUntranslatedCode', (_source, hit: CodeHit) => {
    hits.push(hit);
  });
  await context.addInitScript({ content: watcherSource(SYSTEM_CODES) });
}

export const describeHits = (hits: readonly CodeHit[]) =>
  hits.map((h) => `  ${h.code} — 页面 ${h.url}：“${h.text}”`).join('\n');

/**
 * Every context (and page) the browser opens is watched; closing the browser fails with the hits, so a
 * walk's own failure is never masked (the close runs in afterAll).
 */
const hitsOf = new WeakMap<Browser, CodeHit[]>();

/** The hits so far, removed from the record (for the watcher's own test). */
export function takeUntranslatedCodeHits(browser: Browser): CodeHit[] {
  const hits = hitsOf.get(browser) ?? [];
  return hits.splice(0, hits.length);
}

export function guardAgainstUntranslatedCodes(browser: Browser): Browser {
  const hits: CodeHit[] = [];
  hitsOf.set(browser, hits);
  const newContext = browser.newContext.bind(browser);
  const close = browser.close.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watch(context, hits);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // As Browser.newPage does: the page owns its context.
    page.once('close', () => void context.close().catch(() => undefined));
    return page;
  };
  browser.close = async (options) => {
    await close(options);
    if (hits.length > 0)
      throw new Error(`页面上出现了未翻译的系统代码（应显示中文名称）：\n${describeHits(hits)}`);
  };
  return browser;
}
