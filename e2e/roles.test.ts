/**
 * Each demo role logs in through the web UI and sees its own side menu: the pages it may use are
 * listed, pages of other roles are not. Demo accounts share the password Skill@2026.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const PASSWORD = 'Skill@2026';

interface Walk {
  username: string;
  roleLabel: string;
  visible: string[];
  hidden: string[];
  where?: string;
}

const CASE_STAFF_HIDDEN = ['用户管理', '审计日志', '在线会话', '本单位信息'];

const WALKS: Walk[] = [
  {
    username: 'admin',
    roleLabel: '系统管理员',
    visible: ['首页', '用户管理', '申报单位管理', '数据字典', '修改密码'],
    hidden: ['审计日志', '在线会话', '本单位信息'],
  },
  {
    username: 'secadmin',
    roleLabel: '安全管理员',
    visible: ['首页', '用户管理', '在线会话', '修改密码'],
    hidden: ['审计日志', '数据字典', '申报单位管理'],
  },
  {
    username: 'auditor',
    roleLabel: '安全审计员',
    visible: ['首页', '审计日志', '修改密码'],
    hidden: ['用户管理', '在线会话', '数据字典', '申报单位管理'],
  },
  {
    username: 'sjzx',
    roleLabel: '省鉴定中心',
    visible: ['首页', '申报单位管理', '数据字典'],
    hidden: CASE_STAFF_HIDDEN,
  },
  {
    username: 'srst',
    roleLabel: '省人社厅',
    visible: ['首页', '申报单位管理', '数据字典'],
    hidden: CASE_STAFF_HIDDEN,
  },
  {
    username: 'cs_zx',
    roleLabel: '市州鉴定中心',
    where: '长沙市',
    visible: ['首页', '申报单位管理', '数据字典'],
    hidden: CASE_STAFF_HIDDEN,
  },
  {
    username: 'cs_rsj',
    roleLabel: '市州人社局',
    where: '长沙市',
    visible: ['首页', '申报单位管理', '数据字典'],
    hidden: CASE_STAFF_HIDDEN,
  },
  {
    username: 'zhuanjia1',
    roleLabel: '评审专家',
    visible: ['首页', '数据字典', '修改密码'],
    hidden: ['申报单位管理', '用户管理', '审计日志'],
  },
  {
    username: 'ducha1',
    roleLabel: '抽查督导人员',
    visible: ['首页', '数据字典', '修改密码'],
    hidden: ['申报单位管理', '用户管理', '审计日志'],
  },
  {
    username: 'qy_admin',
    roleLabel: '申报单位',
    visible: ['首页', '本单位信息', '数据字典', '修改密码'],
    hidden: ['申报单位管理', '用户管理', '审计日志', '在线会话'],
  },
];

async function login(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('navigation', { name: '功能菜单' }).waitFor({ timeout: 20_000 });
}

describe.skipIf(!hasBrowser)('menus per role in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const walk of WALKS) {
    it(`${walk.username}（${walk.roleLabel}）sees its own menu`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      try {
        const page = await context.newPage();
        await login(page, server.url, walk.username);
        const header = page.getByTestId('current-user');
        await expect(page.getByTestId('current-role').innerText()).resolves.toBe(walk.roleLabel);
        if (walk.where) await header.getByText(walk.where, { exact: true }).waitFor();
        await expect(page.title()).resolves.toBe('湖南省职业技能等级认定监管系统');

        const menu = page.getByRole('navigation', { name: '功能菜单' });
        for (const label of walk.visible) {
          await menu.getByText(label, { exact: true }).waitFor({ timeout: 5_000 });
        }
        for (const label of walk.hidden) {
          expect(
            await menu.getByText(label, { exact: true }).count(),
            `${walk.username} 不应看到“${label}”`,
          ).toBe(0);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('a page of another role is refused with a Chinese explanation', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await login(page, server.url, 'auditor');
      await page.goto(`${server.url}/admin/users`);
      await page.getByText('无权访问此页面').waitFor();
    } finally {
      await context.close();
    }
  });

  it('an anonymous visitor is sent to the login page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/organizations`);
      await page.waitForURL(/\/login\?next=/);
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    } finally {
      await context.close();
    }
  });
});
