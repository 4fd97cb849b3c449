/**
 * Demo data for the province stages, through the real use cases: the 抽查督导人员库 — one inspector in
 * each of five cities, each with a login account (ducha1…ducha5), so the 双随机 draw has a pool and the
 * same-city recusal shows on a 长沙 target (ducha5 works in 长沙).
 */
import type { AppDeps } from '../deps';
import { createInspector } from '../use-cases/inspectors/inspector-pool';
import { actorOf, meta } from './demo-helpers';
import { DEMO_STAFF } from './demo-accounts';

const UNITS: Record<string, { name: string; unit: string; title: string }> = {
  ducha1: { name: '冯工', unit: '株洲市职业技能鉴定中心', title: '高级考评员' },
  ducha2: { name: '蒋工', unit: '湘潭市职业技能鉴定中心', title: '高级考评员' },
  ducha3: { name: '沈工', unit: '衡阳市职业技能鉴定中心', title: '督导员' },
  ducha4: { name: '韩工', unit: '岳阳市职业技能鉴定中心', title: '督导员' },
  ducha5: { name: '杨工', unit: '长沙市职业技能鉴定中心', title: '高级考评员' },
};

export async function seedDemoInspectors(deps: AppDeps): Promise<void> {
  const province = await actorOf(deps, 'sjzx');
  for (const staff of DEMO_STAFF.filter((s) => s.role === 'inspector')) {
    const facts = UNITS[staff.username];
    if (!facts || !staff.cityCode) continue;
    await createInspector(
      deps,
      province,
      {
        name: facts.name,
        unit: facts.unit,
        title: facts.title,
        phone: staff.phone ?? null,
        cityCode: staff.cityCode,
        username: staff.username,
      },
      meta,
    );
  }
}
