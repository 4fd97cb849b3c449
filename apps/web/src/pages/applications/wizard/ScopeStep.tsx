/**
 * ② 申报职业（工种）: the list of scope items; adding, editing or removing one saves the whole list at once
 * (PUT /api/applications/:id/scope-items with version), so each card shows the server's counts and R7
 * verdict. 400 DUPLICATE_SCOPE_ITEM keeps the item dialog open with the message.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useImperativeHandle, useState, type Ref } from 'react';
import { modeOrderNote, type OrganizationKind } from '@skillcert/domain';
import { api } from '../../../api/client';
import type { ApplicationDetail, ScopeItem, ScopeItemInput } from '../../../api/filing-types';
import type { ChainItem as Chain } from '@skillcert/contracts';
import { FormModal } from '../../../components/FormModal';
import { ShortageTag } from '../ShortageTag';
import { ScopeItemFields } from './ScopeItemFields';
import { TargetedOccupations } from './TargetedOccupations';
import type { Draft, Focus, StepHandle } from './useDraft';
import { occupationNameOf } from '../../../components/occupation-label';
import { useQuery } from '@tanstack/react-query';
import { routeKey } from '../../../api/query';

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

function toInput(s: ScopeItem | ScopeItemInput): ScopeItemInput {
  return {
    occupationCode: s.occupationCode,
    jobName: (s.jobName ?? '').trim(),
    mode: s.mode,
    levels: s.levels,
    chainIds: s.chainIds ?? [],
    localIndustry: opt(s.localIndustry),
    localIndustryJustification: opt(s.localIndustryJustification),
    businessLink: opt(s.businessLink),
    categoryJustification: opt(s.categoryJustification),
    selfEvaluationEvidence: opt(s.selfEvaluationEvidence),
  };
}

export function ScopeStep({
  detail,
  draft,
  chains,
  focus,
  ref,
}: {
  detail: ApplicationDetail;
  draft: Draft;
  chains: Chain[];
  /** Open this item for editing (a pre-check finding pointed at it). */
  focus?: Focus;
  ref: Ref<StepHandle>;
}) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  // The round's policy shapes the scope rules; a failed read is shown by the client.
  const policy =
    useQuery({
      queryKey: routeKey('/api/rounds/:id', detail.roundId),
      queryFn: () => api.get('/api/rounds/:id', { params: { id: detail.roundId } }),
    }).data?.policy ?? null;
  const items = detail.scopeItems;
  const kind = detail.organization.kind as OrganizationKind;

  // Only when a finding asks for it (a new focus object each time), not when the list changes.
  useEffect(() => {
    if (focus?.scopeItemIndex !== undefined) setEditing(focus.scopeItemIndex);
  }, [focus]);

  // Every change is saved at once, so there is nothing pending here.
  useImperativeHandle(ref, () => ({ save: async () => true }));

  const saveList = async (list: ScopeItemInput[]) => {
    const next = await draft.put('scope-items', { items: list.map(toInput) });
    if (!next) throw new Error('not saved');
  };

  const current = typeof editing === 'number' ? (items[editing] ?? null) : null;
  const chainName = (id: number) => chains.find((c) => c.id === id)?.name ?? `产业链${id}`;

  return (
    <>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title="每一项为“职业（工种）+ 评价方式”，可申报多个等级。每项须服务于至少一条产业链或地方特色产业，并说明与本单位业务或专业的关联。"
        />
        <TargetedOccupations list={detail.targetedOccupations} cityName={detail.cityName} />
        {items.length === 0 && (
          <Empty description="尚未添加申报职业（工种），点击下方“添加职业（工种）”开始" />
        )}
        {items.map((s, i) => (
          <Card
            key={s.id}
            size="small"
            className={focus?.scopeItemIndex === i ? 'scope-item-focus' : undefined}
            data-testid={`scope-item-${i}`}
            title={
              <Space size={4} wrap>
                <span>
                  {i + 1}. {occupationNameOf(s)}
                </span>
                <Typography.Text type="secondary">{s.occupationCode}</Typography.Text>
                {s.jobName && <span>· 工种：{s.jobName}</span>}
              </Space>
            }
            extra={
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(i)}>
                  编辑
                </Button>
                <Popconfirm
                  title="删除该申报项？"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => saveList(items.filter((_, j) => j !== i)).catch(() => undefined)}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            <Space orientation="vertical" size={4}>
              <Space size={4} wrap>
                <Tag color="blue">{s.modeLabel}</Tag>
                {s.levelLabels.map((l) => (
                  <Tag key={l}>{l}</Tag>
                ))}
              </Space>
              <div>
                服务产业：
                {s.chainIds.map((id) => (
                  <Tag key={id}>{chainName(id)}</Tag>
                ))}
                {s.localIndustry && <span>地方特色产业：{s.localIndustry}</span>}
                {s.chainIds.length === 0 && !s.localIndustry && (
                  <Typography.Text type="warning">未选择产业链或地方特色产业（规则R6）</Typography.Text>
                )}
              </div>
              {modeOrderNote(kind, s.mode) && (
                <Typography.Text type="secondary">{modeOrderNote(kind, s.mode)}</Typography.Text>
              )}
              <ShortageTag
                city={s.filedInCity}
                province={s.filedInProvince}
                verdict={s.shortage.verdict}
                message={s.shortage.message}
              />
            </Space>
          </Card>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} block onClick={() => setEditing('new')}>
          添加职业（工种）
        </Button>
      </Space>
      <FormModal<ScopeItemInput>
        open={editing !== null}
        width={860}
        title={current ? `编辑申报项 ${(editing as number) + 1}` : '添加申报职业（工种）'}
        okText="保存"
        initialValues={
          current
            ? toInput(current)
            : { levels: [], chainIds: [], mode: kind === 'other' ? 'social' : undefined }
        }
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const item = toInput({ ...v, chainIds: v.chainIds ?? [] });
          const list = items.map(toInput);
          if (typeof editing === 'number') list[editing] = item;
          else list.push(item);
          await saveList(list);
        }}
      >
        <ScopeItemFields
          kind={kind}
          chains={chains}
          cityCode={detail.cityCode}
          targeted={detail.targetedOccupations.map((t) => t.code)}
          policy={policy}
          saved={current}
        />
      </FormModal>
    </>
  );
}
