import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasBrowser, launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

describe.skipIf(!hasBrowser)('web shell in Chromium', () => {
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

  it('shows the system title in Chinese', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.title()).resolves.toBe('湖南省职业技能等级认定监管系统');
    await page.getByText('湖南省职业技能等级认定监管系统').first().waitFor();
  });

  it('opens the public home for a visitor at the site address, and a 404 page for an unknown public address', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: '信息公开', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/public');
    await page.goto(`${server.url}/public/no-such-page`);
    await page.getByText('页面不存在').waitFor();
    expect(new URL(page.url()).pathname).toBe('/public/no-such-page');
    await page.getByRole('button', { name: '返回信息公开首页' }).click();
    await page.getByRole('heading', { name: '信息公开', level: 2 }).waitFor();
    // A staff page still asks for the login, and comes back to it afterwards.
    await page.goto(`${server.url}/inbox`);
    await page.waitForURL(/\/login\?next=%2Finbox/);
    await page.close();
  });
});
