/** In-process scheduler: checks every few minutes whether the daily jobs of today have run. */
import type { AppDeps } from '../deps';
import { runDueReminders } from './due-reminders';
import { runNoticeClose } from './notice-close';
import { runOrphanSweep } from './orphan-files';

export function startScheduler(
  deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'storage'>,
  opts: { firstRunMs?: number; everyMs?: number } = {},
): () => void {
  const { firstRunMs = 10_000, everyMs = 5 * 60_000 } = opts;
  const tick = () => {
    runDueReminders(deps).catch((error: unknown) => console.error('定时任务（每日提醒）失败：', error));
    // 公示期满自动办结: every tick, so a notice passes within minutes of its end date.
    runNoticeClose(deps).catch((error: unknown) => console.error('定时任务（公示期满办结）失败：', error));
    runOrphanSweep(deps).catch((error: unknown) => console.error('定时任务（孤儿文件清理）失败：', error));
  };
  const first = setTimeout(tick, firstRunMs);
  const timer = setInterval(tick, everyMs);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
