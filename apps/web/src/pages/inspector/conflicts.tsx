/**
 * 回避声明 (inspector): GET /api/my/inspector-profile, POST /api/my/inspector-conflicts {creditCode,
 * reason} — later spot-check draws recuse me from that unit (the public list shows only the rule).
 */
import { Alert, Card, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import type { InspectorProfile } from '../province/types';
import { OwnConflictForm } from '../pools/OwnConflictForm';

export default function InspectorConflictsPage() {
  const [profile, setProfile] = useState<InspectorProfile | null>(null);
  const load = useCallback(() => {
    api.get('/api/my/inspector-profile').then(setProfile, () => undefined);
  }, []);
  useEffect(load, [load]);
  const inspector = profile?.inspector;

  return (
    <>
      <PageHeader
        title="回避声明"
        description={
          inspector
            ? `督导人员编号 ${inspector.code} · ${inspector.unit}。与被抽查单位存在利益关系（任职、亲属、合作等）的，请主动申报回避。`
            : '与被抽查单位存在利益关系（任职、亲属、合作等）的，请主动申报回避。'
        }
      />
      {profile && !inspector && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16, maxWidth: 640 }}
          title="当前账号尚未关联督导人员库记录，暂不能申报；请联系省职业技能鉴定中心。"
        />
      )}
      <OwnConflictForm
        path="/api/my/inspector-conflicts"
        name="inspector-conflict"
        notice="登记后，省职业技能鉴定中心抽取督导人员时系统会自动将您列入该单位的回避名单；公开页面只显示“申报利益冲突”，不显示原因。同一市州和本单位的回避由系统自动处理，无需申报。"
        done="回避声明已登记，今后抽查该单位时将自动回避"
        disabled={!inspector}
        onSaved={setProfile}
      />
      {inspector && inspector.conflicts.length > 0 && (
        <Card size="small" title="已申报的回避" style={{ maxWidth: 640, marginTop: 16 }}>
          <Table
            size="small"
            rowKey="creditCode"
            pagination={false}
            dataSource={inspector.conflicts}
            columns={[
              { title: '统一社会信用代码', dataIndex: 'creditCode' },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
