/** ④ 预检: POST /api/applications/:id/precheck on entering the step; findings grouped by rule. */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../../api/client';
import type { Finding, PrecheckResult } from '../../../api/filing-types';
import { findingKey, PrecheckReport } from '../PrecheckReport';

/** Warning codes whose every finding has been ticked 已知悉. */
export function acknowledgedCodes(result: PrecheckResult | null, ack: ReadonlySet<string>): string[] {
  if (!result) return [];
  const codes = new Set(result.warningCodes);
  result.findings.forEach((f, i) => {
    if (f.severity === 'warning' && !ack.has(findingKey(f, i))) codes.delete(f.code);
  });
  return [...codes];
}

/** Whether the applicant may go on to the commitment: no error and every warning ticked. */
export function precheckCleared(result: PrecheckResult | null, ack: ReadonlySet<string>): boolean {
  return !!result && !result.blocking && acknowledgedCodes(result, ack).length === result.warningCodes.length;
}

export function PrecheckStep({
  applicationId,
  result,
  ack,
  onResult,
  onAck,
  onJump,
}: {
  applicationId: string;
  result: PrecheckResult | null;
  ack: ReadonlySet<string>;
  onResult(r: PrecheckResult): void;
  onAck(key: string, checked: boolean): void;
  onJump(f: Finding): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      onResult(
        await api.post(
          '/api/applications/:id/precheck',
          { params: { id: applicationId }, body: {} },
          { silent: true },
        ),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '预检失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }, [applicationId, onResult]);

  useEffect(() => {
    void run();
  }, [run]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button icon={<ReloadOutlined />} loading={busy} onClick={run}>
          重新预检
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {busy && !result && <Skeleton active />}
      {result && <PrecheckReport result={result} onJump={onJump} acknowledged={ack} onAcknowledge={onAck} />}
    </Space>
  );
}
