/** 首页统计: real counts, each within the caller's scope. */
import { and, count, eq, gte, isNull } from 'drizzle-orm';
import type { Actor } from '@skillcert/domain';
import type { AppDeps } from '../deps';
import {
  applications,
  auditLog,
  expertAssignments,
  experts,
  inspectors,
  spotCheckAssignments,
  holidayYears,
  industrialChains,
  occupations,
  organizations,
  sessions,
  users,
} from '../db/schema';
import { scoped } from '../db/scope';

type Card = { key: string; label: string; value: number };

export async function homeStats(deps: Pick<AppDeps, 'db' | 'clock'>, actor: Actor): Promise<Card[]> {
  const { db } = deps;
  const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  const orgScope = { cityCode: organizations.cityCode, organizationId: organizations.id };
  switch (actor.role) {
    case 'city_center':
    case 'city_bureau':
    case 'province_center':
    case 'province_bureau':
      return [
        {
          key: 'organizationsPending',
          label: '待激活单位',
          value: await n(
            db
              .select({ n: count() })
              .from(organizations)
              .where(scoped(actor, orgScope, eq(organizations.status, 'pending'))),
          ),
        },
        {
          key: 'organizationsActive',
          label: '已激活单位',
          value: await n(
            db
              .select({ n: count() })
              .from(organizations)
              .where(scoped(actor, orgScope, eq(organizations.status, 'active'))),
          ),
        },
        {
          key: 'occupations',
          label: '大典职业（细类）',
          value: await n(
            db.select({ n: count() }).from(occupations).where(eq(occupations.level, 'occupation')),
          ),
        },
        {
          key: 'chains',
          label: '产业链（启用）',
          value: await n(
            db.select({ n: count() }).from(industrialChains).where(eq(industrialChains.active, true)),
          ),
        },
      ];
    case 'sys_admin':
      return [
        { key: 'users', label: '账号总数', value: await n(db.select({ n: count() }).from(users)) },
        {
          key: 'organizations',
          label: '注册单位',
          value: await n(db.select({ n: count() }).from(organizations)),
        },
        {
          key: 'holidayYears',
          label: '已录入节假日年份',
          value: await n(db.select({ n: count() }).from(holidayYears)),
        },
        {
          key: 'chains',
          label: '产业链（启用）',
          value: await n(
            db.select({ n: count() }).from(industrialChains).where(eq(industrialChains.active, true)),
          ),
        },
      ];
    case 'security_admin': {
      const dayAgo = new Date(deps.clock.now().getTime() - 86_400_000);
      return [
        {
          key: 'liveSessions',
          label: '未注销会话',
          value: await n(db.select({ n: count() }).from(sessions).where(isNull(sessions.revokedAt))),
        },
        {
          key: 'failedLogins24h',
          label: '24小时登录失败',
          value: await n(
            db
              .select({ n: count() })
              .from(auditLog)
              .where(and(eq(auditLog.action, 'auth.login_failed'), gte(auditLog.at, dayAgo))),
          ),
        },
        {
          key: 'lockedAccounts',
          label: '锁定中的账号',
          value: await n(
            db.select({ n: count() }).from(users).where(gte(users.lockedUntil, deps.clock.now())),
          ),
        },
      ];
    }
    case 'audit_admin': {
      const dayAgo = new Date(deps.clock.now().getTime() - 86_400_000);
      return [
        {
          key: 'auditEntries',
          label: '审计记录总数',
          value: await n(db.select({ n: count() }).from(auditLog)),
        },
        {
          key: 'auditEntries24h',
          label: '24小时新增审计记录',
          value: await n(db.select({ n: count() }).from(auditLog).where(gte(auditLog.at, dayAgo))),
        },
      ];
    }
    case 'applicant':
      return [
        {
          key: 'colleagues',
          label: '本单位账号',
          value: await n(
            db
              .select({ n: count() })
              .from(users)
              .where(
                eq(users.organizationId, actor.organizationId ?? '00000000-0000-0000-0000-000000000000'),
              ),
          ),
        },
      ];
    case 'expert':
      // Reviews drawn to this expert and not yet submitted (a replaced assignment is no longer theirs).
      return [
        {
          key: 'assignments',
          label: '待评审任务',
          value: await n(
            db
              .select({ n: count() })
              .from(expertAssignments)
              .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
              .where(and(eq(experts.userId, actor.userId), eq(expertAssignments.status, 'assigned'))),
          ),
        },
      ];
    case 'inspector':
      // Targets this inspector is drawn for whose spot check is still open (抽查中).
      return [
        {
          key: 'assignments',
          label: '待抽查复核任务',
          value: await n(
            db
              .select({ n: count() })
              .from(spotCheckAssignments)
              .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
              .innerJoin(applications, eq(applications.id, spotCheckAssignments.applicationId))
              .where(
                and(
                  eq(inspectors.userId, actor.userId),
                  eq(spotCheckAssignments.status, 'assigned'),
                  eq(applications.status, 'spot_check'),
                ),
              ),
          ),
        },
      ];
  }
}
