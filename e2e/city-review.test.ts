/**
 * The city review walk in Chromium, on the demo data: the 株洲 city center (zz_zx) opens 待办, marks the
 * school's 专家队伍 material 有问题 and returns it; the school (xx_admin) sees the comment beside the slot,
 * replaces the file and resubmits through the wizard; zz_zx passes verification; the city bureau (zz_rsj)
 * draws 3 experts (zj_zz3 works for the school and is recused with that reason); each drawn expert scores;
 * zz_rsj records the site visit and the opinion (推荐) → 已推荐, and the 评估意见书 PDF downloads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const PASSWORD = 'Skill@2026';
const SCHOOL = '株洲示例职业技术学院';
const DIMENSIONS = ['组织保障', '制度保障', '技术支持', '基础条件', '队伍建设', '质量管理'];

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

describe.skipIf(!hasBrowser)('city review in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let tmp: string;
  let pdf: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'skillcert-e2e-review-'));
    pdf = path.join(tmp, '专家队伍（补正）.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const as = async <T>(username: string, walk: (page: Page, context: BrowserContext) => Promise<T>) => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await context.newPage();
      await login(page, server.url, username);
      return await walk(page, context);
    } finally {
      await context.close();
    }
  };

  it('verification with return and resubmission, expert draw and scoring, site visit, opinion', async () => {
    const COMMENT = '专家队伍名单缺少职业资格证书复印件，请补充后重新上传';

    // ---- city center: 待办 → the school's application → 专家队伍 有问题 → 退回补正
    const id = await as('zz_zx', async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('待办', { exact: true }).click();
      const row = page.locator('tr').filter({ hasText: SCHOOL }).first();
      await row.waitFor();
      await row.getByRole('link').first().click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      const appId = /\/applications\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
      const slot = page.getByTestId('verify-slot-expert_team');
      await slot.getByText('有问题', { exact: true }).click();
      await slot.getByLabel('专家队伍问题说明').fill(COMMENT);
      await page.getByRole('button', { name: '退回补正' }).click();
      // An irreversible step asks first and says what cannot be undone.
      const confirmReturn = page.locator('.ant-modal-confirm');
      await confirmReturn.getByText(/不能撤回/).waitFor();
      await confirmReturn.getByRole('button', { name: '确认退回' }).click();
      await statusIs(page, '退回补正');
      return appId;
    });

    // ---- the school: sees the comment, replaces the file in step ③, resubmits
    await as('xx_admin', async (page) => {
      await page.goto(`${server.url}/applications/${id}`);
      await page.getByTestId('return-comment-expert_team').getByText(COMMENT).waitFor();
      await page.getByRole('button', { name: '继续编辑' }).click();
      await page.waitForURL(/\/edit/);
      await page.goto(`${server.url}/applications/${id}/edit?step=2`);
      const slot = page.getByTestId('slot-expert_team');
      await slot.getByText(COMMENT).waitFor();
      await slot.getByRole('button', { name: '移除' }).first().click();
      await page
        .locator('.ant-popover:visible')
        .getByRole('button', { name: /移\s*除/ })
        .click();
      await slot.getByText('已上传', { exact: true }).waitFor({ state: 'hidden' });
      await slot.locator('input[type=file]').setInputFiles(pdf);
      await slot.getByText('专家队伍（补正）.pdf').first().waitFor({ timeout: 15_000 });
      await page.getByText('必传材料已全部上传').waitFor();
      await page.getByRole('button', { name: /下一步/ }).click();
      await page
        .getByText(/预检通过/)
        .first()
        .waitFor({ timeout: 15_000 });
      const acks = page.getByRole('checkbox', { name: '已知悉' });
      for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).check();
      await page.getByRole('button', { name: /下一步/ }).click();
      await page.getByLabel(/承诺人/).fill('刘芳');
      await page.getByLabel('我已阅读并同意以上承诺，确认提交').check();
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByText('申请已提交').waitFor({ timeout: 20_000 });
    });

    // ---- city center: every slot 合格 → 核验通过
    await as('zz_zx', async (page) => {
      await page.goto(`${server.url}/applications/${id}`);
      await statusIs(page, '已提交');
      const slots = page.locator('[data-testid^="verify-slot-"]');
      const count = await slots.count();
      expect(count).toBeGreaterThan(3);
      for (let i = 0; i < count; i++) await slots.nth(i).getByText('合格', { exact: true }).click();
      await page.getByRole('button', { name: '核验通过' }).click();
      await statusIs(page, '已核验');
    });

    // ---- city bureau: draw 3 experts; the school's own staff member is recused
    const drawn = await as('zz_rsj', async (page) => {
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('待办', { exact: true }).click();
      await page.locator('tr').filter({ hasText: SCHOOL }).first().getByRole('link').first().click();
      await statusIs(page, '已核验');
      const card = page.getByTestId('expert-draw-card');
      await card.getByLabel('抽取人数').fill('3');
      await card.getByRole('button', { name: '抽取专家' }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认抽取' }).click();
      await card
        .getByTestId('recusal-list')
        .getByText(/专家所在单位即申报单位，本单位人员回避/)
        .waitFor();
      await card.getByText(/种子承诺值/).waitFor();
      await card.getByRole('button', { name: '复核抽取' }).click();
      await card.getByText(/^一致/).waitFor();

      const draws = (await (
        await page.request.get(`${server.url}/api/applications/${id}/expert-draws`)
      ).json()) as { assignments: { expertId: string; status: string }[] };
      const pool = (await (await page.request.get(`${server.url}/api/experts?pageSize=100`)).json()) as {
        items: { id: string; username: string | null }[];
      };
      return draws.assignments
        .filter((a) => a.status !== 'replaced')
        .map((a) => pool.items.find((e) => e.id === a.expertId)?.username)
        .filter((u): u is string => !!u);
    });
    expect(drawn).toHaveLength(3);
    expect(drawn).not.toContain('zj_zz3');

    // ---- each drawn expert scores
    for (const [n, username] of drawn.entries()) {
      await as(username, async (page) => {
        await page
          .getByRole('navigation', { name: '功能菜单' })
          .getByText('我的评审任务', { exact: true })
          .click();
        await page.locator('tr').filter({ hasText: SCHOOL }).first().getByRole('link').first().click();
        const form = page.getByTestId('review-form');
        for (const [i, d] of DIMENSIONS.entries())
          await form.getByLabel(d, { exact: true }).fill(String(80 + i + n));
        await form.getByLabel('总体评价').fill('材料齐全，师资和场地满足焊工三个等级的评价要求');
        await form.getByRole('button', { name: '提交评分表' }).click();
        const saved = page.waitForResponse(
          (r) => r.request().method() === 'PUT' && r.url().endsWith('/review'),
          { timeout: 60_000 },
        );
        await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认提交' }).click();
        // Wait for the server's answer first, so a refusal shows its own message rather than a timeout.
        const answer = await saved;
        expect(answer.status(), await answer.text()).toBe(200);
        await form.getByText(/评分表已锁定/).waitFor({ timeout: 60_000 });
      });
    }

    // ---- city bureau: site visit, opinion (推荐) → 已推荐, 评估意见书 PDF
    await as('zz_rsj', async (page) => {
      await page.goto(`${server.url}/applications/${id}`);
      await page.getByTestId('expert-reviews-card').getByText('评审完成').waitFor();
      const site = page.getByTestId('site-assessment-card');
      await site.getByLabel('评估人员').fill('王焊、李铸、陈铆（专家），株洲市人社局 赵敏');
      await site.getByLabel('评估发现').fill('实训场地和焊接设备与申报材料一致，考评员队伍稳定');
      await site.getByRole('button', { name: '保存实地评估' }).click();
      await site.getByText('实训场地和焊接设备与申报材料一致，考评员队伍稳定').waitFor();

      const opinion = page.getByTestId('opinion-card');
      await opinion
        .getByLabel('综合意见')
        .fill('经专家评审和实地评估，同意推荐该单位开展焊工职业技能等级认定');
      await expect(opinion.getByRole('button', { name: '出具书面评估意见' }).isEnabled()).resolves.toBe(true);
      await opinion.getByRole('button', { name: '出具书面评估意见' }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认出具' }).click();
      await statusIs(page, '已推荐');
      // The 审核结论 of the occupation reads in Chinese, never as its code.
      await page.getByRole('cell', { name: /^推荐/ }).first().waitFor();
      await expect(page.getByText('recommended', { exact: false }).count()).resolves.toBe(0);

      const [download, response] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForResponse((r) => r.url().includes(`/api/applications/${id}/opinion.pdf`)),
        page.getByTestId('opinion-card').getByRole('button', { name: '下载评估意见书' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    });
  }, 300_000);
});
