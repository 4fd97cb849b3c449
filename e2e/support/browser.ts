/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser). Without a browser
 * the walks are skipped with the reason, except under CI=true, where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { guardAgainstUntranslatedCodes } from './untranslated-codes';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(chromiumPath);
export const skipReason = hasBrowser
  ? ''
  : `未找到 Chromium（${chromiumPath}），浏览器测试跳过；设置 CHROMIUM_PATH 或安装 chromium`;

if (!hasBrowser && process.env.CI === 'true') {
  throw new Error(`CI=true 但未找到 Chromium：${chromiumPath}`);
}
if (!hasBrowser) console.warn(skipReason);

/** The walks' browser: every page it shows is watched for untranslated system codes. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return guardAgainstUntranslatedCodes(browser);
}
