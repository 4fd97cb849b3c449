/** The read-only body of an application: 单位情况, 申报职业（工种）, 备案材料 (with the latest return comments). */
import { Alert, Card, Descriptions, Space } from 'antd';
import type { ApplicationDetail } from '../../api/filing-types';
import { FactsView } from './FactsView';
import { MaterialFiles } from './MaterialFiles';
import { ScopeTable } from './ScopeTable';
import { useChains } from './useChains';

/** The city center's comment on a slot, as returned for correction. */
export function ReturnComment({ detail, slotKey }: { detail: ApplicationDetail; slotKey: string }) {
  const comments = detail.returnComments.filter((c) => c.slotKey === slotKey);
  if (comments.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid={`return-comment-${slotKey}`}
      title="退回补正意见"
      description={comments.map((c, i) => (
        <div key={i}>{c.comment || '（未写明）'}</div>
      ))}
    />
  );
}

export function ApplicationCards({
  detail,
  hideMaterials,
}: {
  detail: ApplicationDetail;
  hideMaterials?: boolean;
}) {
  const chains = useChains();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="单位情况">
        <FactsView detail={detail} />
      </Card>
      <Card size="small" title={`申报职业（工种）（${detail.scopeItems.length} 项）`}>
        <ScopeTable items={detail.scopeItems} chains={chains} />
      </Card>
      {!hideMaterials && (
        <Card size="small" title="备案材料">
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 200 } }}
            // In a half-width column (the expert's scoring page) the file table's natural width would
            // squeeze the slot name to one character a line: the name keeps at least 8em, and the
            // files take the rest (width 0, at least all of it), scrolling inside their own box.
            items={detail.materialSlots.map((s) => ({
              key: s.key,
              label: <div style={{ minWidth: '8em' }}>{`${s.label}${s.required ? '' : '（选填）'}`}</div>,
              children: (
                <div style={{ width: 0, minWidth: '100%' }}>
                  <MaterialFiles
                    applicationId={detail.id}
                    files={detail.materials.filter((m) => m.slotKey === s.key)}
                  />
                  <ReturnComment detail={detail} slotKey={s.key} />
                </div>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
