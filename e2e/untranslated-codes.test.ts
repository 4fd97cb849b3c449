/**
 * The walks' watcher for untranslated system codes (support/untranslated-codes.ts) on a page of its own:
 * it reports a code shown as text, and not a file name, a path, CSS or a form field's content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasBrowser, launchBrowser } from './support/browser';
import { SYSTEM_CODES, takeUntranslatedCodeHits } from './support/untranslated-codes';

describe.skipIf(!hasBrowser)('untranslated system codes on a page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes its codes from the domain: states, actions and roles', () => {
    for (const code of ['in_notice', 'return_for_correction', 'city_center', 'signing', 'auth.login'])
      expect(SYSTEM_CODES).toContain(code);
  });

  it('reports a code rendered as text, also when it appears later, and nothing else', async () => {
    const page = await browser.newPage();
    await page.goto(
      'data:text/html;charset=utf-8,' +
        encodeURIComponent(
          '<html><head><style>.recommended{color:red}</style></head><body>' +
            '<p>附件 draft.pdf，地址 /applications/draft，算法 sha256-ctr-fy-v1</p>' +
            '<textarea>submitted</textarea><p>状态：已推荐</p></body></html>',
        ),
    );
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '当前状态：in_notice。';
      document.body.append(p);
    });
    await expect
      .poll(() => takeUntranslatedCodeHits(browser).map((h) => h.code), { timeout: 5_000 })
      .toEqual(['in_notice']);
    await page.close();
  });
});
