/**
 * The filing walk in Chromium: the province centre (sjzx) creates and opens a collection round through the
 * UI; the school applicant (xx_admin) fills the five-step wizard — the pre-check first refuses an item
 * without an industrial chain (R6), the applicant fixes it from the finding's link — and submits; the
 * detail page's timeline then shows 已提交.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const PASSWORD = 'Skill@2026';
const ROUND_TITLE = '2026年第一批评价机构征集（浏览器测试）';

async function login(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('navigation', { name: '功能菜单' }).waitFor({ timeout: 20_000 });
}

/** Picks an option of the antd Select that is open now. */
async function pickOption(page: Page, text: string | RegExp) {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

async function next(page: Page) {
  await page.getByRole('button', { name: /下一步/ }).click();
}

async function stepIs(page: Page, title: string) {
  await page.locator('.ant-steps-item-process').filter({ hasText: title }).waitFor();
}

describe.skipIf(!hasBrowser)('application wizard in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let tmp: string;
  let pdf: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'skillcert-e2e-pdf-'));
    pdf = path.join(tmp, '备案材料.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('province opens a round, a school applies, fixes R6 from the pre-check and submits', async () => {
    // ---- province centre: 征集批次 → 新建 → 开启
    const staff = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await staff.newPage();
      await login(page, server.url, 'sjzx');
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('征集批次', { exact: true }).click();
      await page.getByRole('button', { name: '新建批次' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('批次标题').fill(ROUND_TITLE);
      await drawer
        .getByLabel('申报通知正文')
        .fill('请符合条件的单位在申报期内通过本系统提交评价机构备案申请。');
      await drawer.getByRole('button', { name: '创建草稿' }).click();
      // the draft got the default policy: the material slots table is now shown
      await drawer.getByText('备案材料项（规则R9）').waitFor();
      await expect(drawer.getByLabel('材料项名称').count()).resolves.toBeGreaterThan(3);
      await drawer.getByRole('button', { name: '关闭', exact: true }).click();
      const row = page.locator('tr').filter({ hasText: ROUND_TITLE });
      await row.getByRole('button', { name: '开启征集' }).click();
      await page.locator('.ant-popover:visible').getByRole('button', { name: '开启征集' }).click();
      await row.getByText('征集中').waitFor();
    } finally {
      await staff.close();
    }

    // ---- school applicant: 我的申请 → 新建申请
    let number: string | undefined;
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'xx_admin');
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('我的申请', { exact: true }).click();
      await page.getByRole('button', { name: '新建申请' }).click();
      const newDialog = page.getByRole('dialog');
      await newDialog.getByText(ROUND_TITLE).click();
      await newDialog.getByRole('button', { name: '新建申请' }).click();
      await page.waitForURL(/\/applications\/[^/]+\/edit/);

      // ① 单位情况
      await stepIs(page, '单位情况');
      await page.getByLabel('职业院校').check();
      await page.getByLabel('开设专业').fill('焊接技术与自动化');
      await next(page);

      // ② 申报职业（工种）: 焊工, 五级/四级/三级, 院校自主评价, no chain, no local industry
      await stepIs(page, '申报职业（工种）');
      await page.getByRole('button', { name: /添加职业（工种）/ }).click();
      const dialog = page.getByRole('dialog');
      // A category-2 occupation is listed greyed with the clause that excludes it, not hidden.
      await dialog.getByLabel('职业', { exact: true }).fill('焊接');
      const excluded = page.getByTestId('occupation-excluded').filter({ hasText: '焊接工程技术人员' });
      await excluded.getByText(/不可申报：属职业分类大典第2大类，通知第三条/).waitFor();
      await dialog.getByLabel('职业', { exact: true }).fill('6-18-02-04');
      await pickOption(page, '6-18-02-04');
      await dialog.getByText(/标准：有/).waitFor();
      for (const level of ['五级/初级工', '四级/中级工', '三级/高级工'])
        await dialog.getByLabel(level).check();
      await dialog.getByLabel('评价方式').click();
      await pickOption(page, '院校自主评价');
      await dialog.getByLabel('与本校所设专业的关联').fill('本校开设焊接技术与自动化专业，在校生约600人');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const item = page.getByTestId('scope-item-0');
      await item.getByText('焊工').waitFor();
      await item.getByText('未选择产业链或地方特色产业（规则R6）').waitFor();
      await item.getByText(/本市已备案 \d+ 家 \/ 全省 \d+ 家/).waitFor();
      await next(page);

      // ③ 备案材料: a small PDF in every required slot
      await stepIs(page, '备案材料');
      const slots = page.locator('[data-testid^="slot-"]').filter({ hasText: '必传' });
      const count = await slots.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const slot: Locator = slots.nth(i);
        await slot.locator('input[type=file]').setInputFiles(pdf);
        await slot.getByText('已上传', { exact: true }).waitFor({ timeout: 15_000 });
        await slot.getByText('SHA-256', { exact: true }).waitFor();
      }
      await page.getByText('必传材料已全部上传').waitFor();
      await next(page);

      // ④ 预检: R6 refuses the item without a chain
      await stepIs(page, '预检');
      const r6 = page.getByTestId('finding-CHAIN_OR_LOCAL_INDUSTRY_REQUIRED');
      await r6.waitFor();
      await r6.getByText('通知第三条第一款').waitFor();
      await r6.getByText(/未对接湖南省新兴优势产业链/).waitFor();
      await page.getByText(/^R6 服务产业发展$/).waitFor();
      await expect(page.getByRole('button', { name: /下一步/ }).isDisabled()).resolves.toBe(true);

      // back to step ② from the finding: the item opens for editing; pick a chain
      await r6.getByRole('button', { name: '去修改' }).click();
      await stepIs(page, '申报职业（工种）');
      const edit = page.getByRole('dialog');
      await edit.getByText('编辑申报项 1').waitFor();
      await edit.getByLabel('对接产业链').click();
      await pickOption(page, '工程机械');
      await edit.getByText('编辑申报项 1').click(); // closes the dropdown
      await edit.getByRole('button', { name: /保\s*存/ }).click();
      await edit.waitFor({ state: 'hidden' });
      await page.getByTestId('scope-item-0').getByText('工程机械').waitFor();
      await next(page);
      await stepIs(page, '备案材料');
      await next(page);

      // ④ again: passes; every remaining warning acknowledged
      await stepIs(page, '预检');
      await page
        .getByText(/预检通过/)
        .first()
        .waitFor();
      expect(await page.getByTestId('finding-CHAIN_OR_LOCAL_INDUSTRY_REQUIRED').count()).toBe(0);
      const acks = page.getByRole('checkbox', { name: '已知悉' });
      for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).check();
      await next(page);

      // ⑤ 承诺提交
      await stepIs(page, '承诺提交');
      await page.getByText(/不以营利为目的/).waitFor();
      await page.getByLabel(/承诺人/).fill('刘芳');
      await page.getByLabel('我已阅读并同意以上承诺，确认提交').check();
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByText('申请已提交').waitFor({ timeout: 20_000 });
      const subtitle = await page.getByText(/申请编号：/).innerText();
      number = /申请编号：(\S+?)。/.exec(subtitle)?.[1];
      expect(number).toMatch(/^SQ\d{4}-\d{6}$/);
      await page.getByRole('button', { name: '下载回执' }).waitFor();

      // detail: number, timeline with 已提交
      await page.getByRole('button', { name: '查看申请详情' }).click();
      await page.getByRole('heading', { name: `备案申请 ${number}` }).waitFor();
      await page
        .locator('.ant-timeline')
        .getByText(/已提交/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: '下载回执' }).waitFor();
      await page.getByRole('button', { name: /撤\s*回/ }).waitFor();
    } finally {
      await context.close();
    }

    // ---- the school's city centre finds it under 备案申请 and reads it without actions
    const city = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await city.newPage();
      await login(page, server.url, 'zz_zx');
      await page.getByRole('navigation', { name: '功能菜单' }).getByText('备案申请', { exact: true }).click();
      // the list first (all of the city's submitted applications), then a search by number
      await page.locator('tr').filter({ hasText: number! }).waitFor();
      await page.getByLabel('关键字').fill(number!);
      await page.getByRole('button', { name: /查\s*询/ }).click();
      const row = page.locator('tr').filter({ hasText: number! });
      await row.getByText('株洲示例职业技术学院').waitFor();
      await row.getByRole('link', { name: number! }).click();
      await page
        .locator('.ant-timeline')
        .getByText(/已提交/)
        .first()
        .waitFor();
      expect(await page.getByRole('button', { name: /撤\s*回/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '继续编辑' }).count()).toBe(0);
    } finally {
      await city.close();
    }
  });
});
