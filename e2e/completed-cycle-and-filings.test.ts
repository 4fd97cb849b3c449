/**
 * Two walks in Chromium on the demo data. A visitor opens the demo's completed earlier cycle: 第1批 in
 * the public filing lists with both schools and their 序列码, then a filed body in the registry with its
 * history — the 株洲 school keeps the provincial code it had before this system, and its 自主评价备案 shows
 * as what it is. The province centre (sjzx) records a 自主评价备案 by hand on its filings page, finds it by
 * search, and the registry shows it as a 自主评价备案 with its source and date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, computeCreditCodeCheckChar, todayInShanghai } from '@skillcert/domain';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { WalkClock } from './support/walk-clock';
import { testNow } from '../apps/server/test/support/test-db';

const PASSWORD = 'Skill@2026';
const HISTORY_ZHUZHOU = '株洲示例轨道交通技师学院';
const HISTORY_CHANGSHA = '长沙示例工业职业技术学院';

describe.skipIf(!hasBrowser)('the completed demo cycle and the province filings page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const clock = new WalkClock(testNow());

  beforeAll(async () => {
    server = await startServer({ clock });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const walk = async (steps: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.clock.setSystemTime(clock.now());
    const page = await context.newPage();
    try {
      await steps(page);
    } catch (error) {
      const text = await page
        .locator('body')
        .innerText({ timeout: 2_000 })
        .catch(() => '(no page text)');
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n--- at ${page.url()} the page showed:\n${text.slice(0, 3_000)}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  };

  it('a visitor opens 第1批 and a filed body of the completed cycle with its history', async () => {
    await walk(async (page) => {
      await page.goto(`${server.url}/public/filing-lists`);
      await page
        .getByText(/第\s*1\s*批/)
        .first()
        .waitFor({ timeout: 20_000 });
      await page
        .getByRole('link', { name: /第\s*1\s*批|查看/ })
        .first()
        .click();
      await page.waitForURL(/\/public\/filing-lists\/1$/);
      const zhuzhou = page.locator('tr').filter({ hasText: HISTORY_ZHUZHOU }).first();
      await zhuzhou.waitFor({ timeout: 20_000 });
      expect(await zhuzhou.innerText()).toContain('000012');
      expect(await page.locator('tr').filter({ hasText: HISTORY_CHANGSHA }).first().innerText()).toContain(
        '000013',
      );

      await page.goto(`${server.url}/public/registry`);
      await page.getByLabel('机构名称').fill('轨道交通');
      const searched = page.waitForResponse(
        (r) => r.url().includes('/api/public/registry?') && r.url().includes('name='),
      );
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await searched;
      const row = page.locator('tr').filter({ hasText: HISTORY_ZHUZHOU }).first();
      await row.waitFor();
      await row.getByRole('link').first().click();
      await page.waitForURL(/\/public\/registry\/[0-9A-Z]{18}$/);
      await page.getByText('000012').first().waitFor();
      await page.getByText('第1批').first().waitFor();
      await page
        .getByText(/自主评价备案（省鉴定中心录入，/)
        .first()
        .waitFor();
      const text = await page.locator('body').innerText();
      // Its history: recorded self-evaluation filing, then 第1批 (both dated before today).
      expect(text).toMatch(/第1批备案确认/);
      expect(text).not.toMatch(/13974100013|彭丽/);
    });
  });

  it('the province centre records a self-evaluation filing by hand and the registry shows it as such', async () => {
    const creditCode = '91430700MA4L5000E' + computeCreditCodeCheckChar('91430700MA4L5000E');
    const filedOn = addDays(todayInShanghai(clock.now()), -300);
    await walk(async (page) => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('用户名').fill('sjzx');
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      const menu = page.getByRole('navigation', { name: '功能菜单' });
      await menu.waitFor({ timeout: 20_000 });
      await menu.getByText('自主评价备案', { exact: true }).click();
      await page.getByRole('button', { name: /录入备案/ }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '录入自主评价备案' });
      await modal.getByLabel('单位名称').fill('常德示例烟草机械有限公司');
      await modal.getByLabel('统一社会信用代码').fill(creditCode);
      await modal.getByLabel('所在市州').click();
      await page.locator('.ant-select-dropdown').getByText('常德市', { exact: true }).click();
      await modal.getByText('企业自主评价', { exact: true }).click();
      await modal.getByLabel('职业编码').fill('6-18-01-01');
      await modal.getByText('四级/中级工', { exact: true }).click();
      await modal.getByText('五级/初级工', { exact: true }).click();
      await modal.getByLabel('备案文件文号').fill('湘人社函〔2025〕8号');
      const saved = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/filings/self-evaluation'),
      );
      const date = modal.getByLabel('备案日期');
      await date.click();
      await date.fill(filedOn);
      // Enter commits the typed date; in the dialog's form it also submits, like clicking 保存.
      await date.press('Enter');
      await modal
        .getByRole('button', { name: /保\s*存/ })
        .click({ timeout: 3_000 })
        .catch(() => undefined);
      const answer = await saved;
      expect(answer.status(), await answer.text()).toBe(201);

      await page.getByLabel('关键字').fill('常德示例');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      const row = page.locator('tr').filter({ hasText: '常德示例烟草机械有限公司' }).first();
      await row.waitFor({ timeout: 15_000 });
      expect(await row.innerText()).toContain('湘人社函〔2025〕8号');
      expect(await row.innerText()).toContain('省鉴定中心录入');
    });

    await walk(async (page) => {
      await page.goto(`${server.url}/public/registry/${creditCode}`);
      await page
        .getByText(`自主评价备案（省鉴定中心录入，湘人社函〔2025〕8号，${filedOn}）`)
        .first()
        .waitFor({
          timeout: 20_000,
        });
      expect(await page.locator('body').innerText()).not.toMatch(/第\s*\d+\s*批/);
    });
  });
});
