/**
 * The province walk in Chromium, on the demo data (two 长沙 schools forwarded by the 长沙 bureau wait in
 * 省级评估): the province centre (sjzx) passes both; commits a 双随机 spot check, whose commitment is public
 * before the draw and replays 一致 in the browser; draws; the drawn inspector records a pass; the results
 * are published; sjzx prepares a notice and the province bureau (srst) publishes it with the end date
 * computed in working days; a member of the public objects to one school's item through the human check
 * and tracks it by receipt number; sjzx upholds it (only that school's item leaves the list); after the
 * window (the server clock jumps forward — no backdoor) the notice is closed; srst confirms the filing
 * (第N批, 序列码) and the other school appears in the public registry, found by a two-character query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@skillcert/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { WalkClock } from './support/walk-clock';
import { testNow } from '../apps/server/test/support/test-db';

const PASSWORD = 'Skill@2026';
const KEPT = '长沙示例技师学院';
const OBJECTED = '长沙示例航空职业技术学院';

async function login(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('navigation', { name: '功能菜单' }).waitFor({ timeout: 20_000 });
}

async function statusIs(page: Page, label: string) {
  await page.getByTestId('application-status').getByText(label, { exact: true }).waitFor({ timeout: 15_000 });
}

describe.skipIf(!hasBrowser)('province path and public pages in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const clock = new WalkClock(testNow());
  const ids: Record<string, string> = {};
  let drawId = '';
  let noticeId = '';
  /** 公示编号 carry the year the notice was prepared in (GS2026-01). */
  let noticeYear = '';
  let receipt = '';

  beforeAll(async () => {
    // Test mode: the human check hands its answer to test clients, so the objection passes the real check.
    server = await startServer({ clock, config: { mode: 'test' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newContext = async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // The browser shows the server's day (date pickers, countdowns).
    await context.clock.setSystemTime(clock.now());
    return context;
  };
  /** A failed step names the page it was on and what that page said, so a CI log is enough to see why. */
  const explain = async (page: Page, error: unknown): Promise<never> => {
    const text = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '(no page text)');
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- at ${page.url()} the page showed:\n${text.slice(0, 3_000)}`);
  };
  const as = async <T>(username: string, walk: (page: Page, context: BrowserContext) => Promise<T>) => {
    const context = await newContext();
    const page = await context.newPage();
    try {
      await login(page, server.url, username);
      return await walk(page, context);
    } catch (error) {
      return await explain(page, error);
    } finally {
      await context.close();
    }
  };
  const anonymous = async <T>(walk: (page: Page) => Promise<T>) => {
    const context = await newContext();
    const page = await context.newPage();
    try {
      return await walk(page);
    } catch (error) {
      return await explain(page, error);
    } finally {
      await context.close();
    }
  };

  it('province review passes both forwarded applications', async () => {
    await as('sjzx', async (page) => {
      for (const school of [KEPT, OBJECTED]) {
        await page.getByRole('navigation', { name: '功能菜单' }).getByText('待办', { exact: true }).click();
        const row = page.locator('tr').filter({ hasText: school }).first();
        await row.waitFor();
        await row.getByRole('link').first().click();
        await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
        ids[school] = /\/applications\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
        await statusIs(page, '省级评估中');
        const card = page.getByTestId('province-review-card');
        await card.getByText('评估通过', { exact: true }).click();
        await card.getByLabel('评估意见（选填）').fill('汇总材料齐全，专家评审和实地评估程序规范');
        await card.getByRole('button', { name: '提交省级评估结论' }).click();
        await statusIs(page, '待抽查');
      }
    });
  });

  it('commits a spot check publicly before drawing, draws, and the public replay matches', async () => {
    drawId = await as('sjzx', async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('抽查复核', { exact: true }).click();
      await page.getByRole('button', { name: /发起承诺/ }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '发起抽查承诺' });
      await modal
        .getByText(/2 个|2个/)
        .first()
        .waitFor({ timeout: 15_000 });
      await modal.getByRole('button', { name: '冻结名单并公布承诺' }).click();
      await page.waitForURL(/\/spot-checks\/[0-9a-f-]{36}$/);
      return /\/spot-checks\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    });

    // Before the draw: the commitment is public, the seed is not, and its hashes replay.
    await anonymous(async (page) => {
      await page.goto(`${server.url}/public/draws/${drawId}`);
      await page.getByText('承诺已公布，尚未抽取').waitFor();
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(/冯工|蒋工|沈工|韩工|杨工|1360731/);
      await page.getByTestId('replay-button').click();
      await expect(page.getByTestId('replay-verdict').innerText()).resolves.toContain('一致');
    });

    await as('sjzx', async (page) => {
      await page.goto(`${server.url}/spot-checks/${drawId}`);
      await page.getByRole('button', { name: /^抽\s*取$/ }).click();
      await page
        .locator('.ant-modal-confirm')
        .getByRole('button', { name: /^抽\s*取$/ })
        .click();
      await page
        .getByText(/已抽取/)
        .first()
        .waitFor({ timeout: 20_000 });
    });

    // After the draw: seed and result are public; the browser recomputes them with the domain code.
    await anonymous(async (page) => {
      await page.goto(`${server.url}/public/draws/${drawId}`);
      await page.getByText('抽取结果', { exact: true }).waitFor();
      await page.getByTestId('replay-button').click();
      const verdict = page.getByTestId('replay-verdict');
      await verdict.waitFor();
      expect(await verdict.innerText()).toContain('一致');
      expect(await verdict.innerText()).not.toContain('不一致');
    });
  });

  it('the drawn panel drafts and signs a pass on site, and the province publishes the results', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/api/public/draws/${drawId}` });
    const draw = res.json() as {
      result: { selected: { applicationNumber: string; inspectorCodes: string[] }[] };
    };
    expect(draw.result.selected).toHaveLength(1);
    const target = draw.result.selected[0]!;
    // The demo inspectors DC0001…DC0005 are ducha1…ducha5; the first drafts, the whole panel signs (通知§五(三)).
    const usernames = target.inspectorCodes.map((c) => `ducha${Number(c.slice(2))}`);
    const evidence = {
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(512, 1),
      ]),
    };
    const confirmModal = (page: Page, name: RegExp) =>
      page.locator('.ant-modal-confirm').getByRole('button', { name }).click();
    await as(usernames[0]!, async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('我的抽查', { exact: true }).click();
      const card = page.locator('.ant-card').filter({ hasText: target.applicationNumber }).first();
      await card.getByRole('button', { name: '起草复核结果' }).click();
      const form = page.locator('.ant-drawer').filter({ hasText: '起草复核结果' });
      await form.getByLabel('实地复核日期').fill(todayInShanghai(clock.now()));
      await form.getByLabel('复核地点').fill('被复核单位实训楼一层焊接实训车间');
      await form.getByLabel('在场人员').fill('被复核单位校长、教务处长，复核组全体成员');
      await form
        .getByLabel('现场复核发现')
        .fill('实地核对理论机考室、焊接实训工位与视频监控，与申报材料一致');
      await form.locator('input[type=file]').setInputFiles(evidence);
      await form.getByText('现场照片.png').waitFor();
      await form.getByRole('button', { name: '保存草稿' }).click();
      await confirmModal(page, /^提\s*交$/);
      await card.getByRole('button', { name: '提交会签' }).click();
      await confirmModal(page, /^确\s*认$/);
      await card.getByRole('button', { name: '签字确认' }).click();
      await confirmModal(page, /^确\s*认$/);
      await card.getByText('待签字').first().waitFor({ timeout: 20_000 });
    });
    for (const username of usernames.slice(1)) {
      await as(username, async (page) => {
        await page
          .getByRole('navigation', { name: '功能菜单' })
          .getByText('我的抽查', { exact: true })
          .click();
        const card = page.locator('.ant-card').filter({ hasText: target.applicationNumber }).first();
        await card.getByRole('button', { name: '签字确认' }).click();
        await confirmModal(page, /^确\s*认$/);
      });
    }
    await as(usernames[0]!, async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('我的抽查', { exact: true }).click();
      const card = page.locator('.ant-card').filter({ hasText: target.applicationNumber }).first();
      await card.getByText('复核通过').first().waitFor({ timeout: 20_000 });
    });
    await as('sjzx', async (page) => {
      await page.goto(`${server.url}/spot-checks/${drawId}`);
      await page.getByRole('button', { name: '公开复核结果' }).click();
      await page
        .locator('.ant-modal-confirm')
        .getByRole('button', { name: /^公\s*开$/ })
        .click();
      await page.locator('#root').getByText('复核结果已公开').first().waitFor();
    });
  });

  it('prepares and publishes the notice with its end date in working days', async () => {
    noticeYear = todayInShanghai(clock.now()).slice(0, 4);
    noticeId = await as('sjzx', async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('公示管理', { exact: true }).click();
      await page.getByRole('button', { name: /拟定公示/ }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '拟定公示' });
      for (const school of [KEPT, OBJECTED])
        await modal.locator('tr').filter({ hasText: school }).getByRole('checkbox').check();
      await modal.getByRole('button', { name: /生成公示草稿/ }).click();
      await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
      return /\/notices\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    });
    await as('srst', async (page) => {
      await page.goto(`${server.url}/notices/${noticeId}`);
      const picker = page.getByLabel('公示开始日期');
      const previewed = page.waitForResponse((r) => r.url().includes(`/api/notices/${noticeId}/preview`), {
        timeout: 60_000,
      });
      await picker.click();
      await picker.fill(todayInShanghai(clock.now()));
      await picker.press('Enter');
      // The end date is the server's computation for the chosen start (R10), shown before publishing.
      expect((await previewed).status()).toBe(200);
      await page
        .getByText(/计5个工作日/)
        .first()
        .waitFor();
      await page.keyboard.press('Escape');
      const publish = page.getByRole('button', { name: '审定发布' });
      await expect.poll(() => publish.isEnabled(), { timeout: 15_000 }).toBe(true);
      await publish.click();
      const dialog = page.locator('.ant-modal-confirm');
      await dialog.waitFor();
      const published = page.waitForResponse((r) => r.url().endsWith(`/api/notices/${noticeId}/publish`), {
        timeout: 60_000,
      });
      await dialog.getByRole('button', { name: '确认发布' }).click();
      const answer = await published;
      expect(answer.status(), await answer.text()).toBe(200);
      await page
        .getByText(/公示期至/)
        .first()
        .waitFor({ timeout: 20_000 });
    });
  });

  it('the public objects to one school through the human check and tracks it by receipt number', async () => {
    receipt = await anonymous(async (page) => {
      // In test mode the challenge carries its answer, so the walk passes the real server-side check.
      let answer = '';
      page.on('response', (r) => {
        if (r.url().includes('/api/public/human-check'))
          void r.json().then((c: { answer?: number | string }) => (answer = String(c.answer ?? '')));
      });
      await page.goto(`${server.url}/public/notices`);
      await page
        .getByRole('link', { name: /查看名单、提出异议/ })
        .first()
        .click();
      await page.waitForURL(/\/public\/notices\/[0-9a-f-]{36}$/);
      await page.getByText(KEPT).first().waitFor();
      const row = page.getByRole('row').filter({ hasText: OBJECTED }).first();
      await row.getByRole('button', { name: '提出异议' }).click();
      await expect.poll(() => answer, { timeout: 15_000 }).not.toBe('');
      await page.getByLabel('联系人姓名').fill('张群众');
      await page.getByLabel('联系电话（手机）').fill('13911112222');
      await page.getByLabel('异议事实和理由').fill('该单位焊接实训工位实际不足20个，与公示材料不符，请核查');
      await page.getByLabel('验证码答案').fill(answer);
      await page.getByRole('button', { name: /提交异议/ }).click();
      return (await page.getByTestId('receipt-number').innerText({ timeout: 20_000 })).trim();
    });
    expect(receipt).toMatch(/^YY\d{8}[0-9A-Z]{8}$/);
    await anonymous(async (page) => {
      await page.goto(`${server.url}/public/objections`);
      await page.getByLabel('回执号').fill(receipt);
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.getByText('正在核查处理，请耐心等待').waitFor();
      expect(await page.locator('body').innerText()).not.toContain('13911112222');
    });
  });

  it('an upheld objection removes only that school; after the window the notice closes', async () => {
    await as('sjzx', async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('异议处理', { exact: true }).click();
      await page.locator('tr').filter({ hasText: receipt }).getByRole('link').first().click();
      await page.getByText('异议成立', { exact: true }).click();
      await page
        .getByLabel(/答复意见/)
        .fill('经实地核查，该单位焊接实训工位不足，异议成立，该职业不予备案。');
      await page
        .getByRole('button', { name: /提交答复|提\s*交/ })
        .first()
        .click();
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.waitFor();
      const answered = page.waitForResponse((r) => /\/api\/objections\/[0-9a-f-]+\/answer$/.test(r.url()));
      await confirm.getByRole('button').last().click();
      const answer = await answered;
      expect(answer.status(), await answer.text()).toBe(200);
    });
    await anonymous(async (page) => {
      await page.goto(`${server.url}/public/objections`);
      await page.getByLabel('回执号').fill(receipt);
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.getByText(/该职业不予备案/).waitFor();
    });

    // The window ends; nothing is open, so the notice can be closed (the scheduled job would do the same).
    clock.advanceDays(14);
    await as('srst', async (page) => {
      await page.goto(`${server.url}/notices/${noticeId}`);
      await page.getByRole('button', { name: '办结公示' }).click();
      const passed = page.waitForResponse((r) => r.url().endsWith(`/api/notices/${noticeId}/pass`));
      await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认办结' }).click();
      const answer = await passed;
      expect(answer.status(), await answer.text()).toBe(200);
    });
    await as('sjzx', async (page) => {
      await page.goto(`${server.url}/applications/${ids[KEPT]}`);
      await statusIs(page, '公示通过');
      await page.goto(`${server.url}/applications/${ids[OBJECTED]}`);
      await statusIs(page, '不予通过');
    });
  });

  it('confirms the filing (第N批, 序列码) and the school appears in the public registry', async () => {
    await as('srst', async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('备案确认', { exact: true }).click();
      await page
        .getByRole('row')
        .filter({ hasText: `GS${noticeYear}-` })
        .getByText('备案确认')
        .click();
      await page.getByText('予以备案').first().waitFor();
      await page.getByRole('button', { name: '备案确认并发布名单' }).click();
      const confirmed = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/filing-lists'),
      );
      await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认备案' }).click();
      const answer = await confirmed;
      expect(answer.status(), await answer.text()).toBe(201);
      await page
        .getByText(/第\s*\d+\s*批/)
        .first()
        .waitFor({ timeout: 20_000 });
    });
    await anonymous(async (page) => {
      await page.goto(`${server.url}/public/registry`);
      await page.getByLabel('机构名称').fill('技师');
      // The unfiltered list shows first (the objected school has an earlier self-evaluation filing, so it is
      // listed as such): wait for the search's own answer before reading the rows.
      const searched = page.waitForResponse(
        (r) => r.url().includes('/api/public/registry?') && r.url().includes('name='),
      );
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await searched;
      const row = page.locator('tr').filter({ hasText: KEPT }).first();
      await row.waitFor();
      await expect.poll(() => page.locator('tr').filter({ hasText: OBJECTED }).count()).toBe(0);
      await row.getByRole('link').first().click();
      await page.waitForURL(/\/public\/registry\/[0-9A-Z]{18}$/);
      // The body's page: its permanent 6-digit 序列码, the filed scope and status, and no contact data.
      await page.getByText('评价机构序列码', { exact: true }).first().waitFor();
      await page
        .getByText(/^\d{6}$/)
        .first()
        .waitFor();
      await page.getByText(/焊工/).first().waitFor();
      await page.getByText('已备案').first().waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(/13974100011|周敏/);
    });
  });
});
