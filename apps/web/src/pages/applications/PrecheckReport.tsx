/**
 * 预检结果, grouped by rule: each finding says the clause, why (message) and how to fix it (fix); in the
 * wizard it links to the step to fix it and warnings carry an 已知悉 checkbox each.
 */
import { Alert, Button, Card, Checkbox, Result, Space, Tag, Typography } from 'antd';
import { RULE_TITLES, type RuleId } from '@skillcert/domain';
import type { Finding, PrecheckResult } from '../../api/filing-types';

export const findingKey = (f: Finding, i: number) => `${f.code}#${i}`;

export function PrecheckReport({
  result,
  onJump,
  acknowledged,
  onAcknowledge,
}: {
  result: PrecheckResult;
  onJump?: (f: Finding) => void;
  acknowledged?: ReadonlySet<string>;
  onAcknowledge?: (key: string, checked: boolean) => void;
}) {
  if (result.findings.length === 0) {
    return <Result status="success" title="预检通过" subTitle="未发现问题，可以进入下一步签署承诺并提交。" />;
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const groups = new Map<string, { f: Finding; i: number }[]>();
  result.findings.forEach((f, i) => {
    const g = groups.get(f.rule) ?? [];
    g.push({ f, i });
    groups.set(f.rule, g);
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type={errors > 0 ? 'error' : 'warning'}
        showIcon
        title={
          errors > 0
            ? `预检未通过：${errors} 项问题须先处理${warnings ? `，另有 ${warnings} 项提示` : ''}`
            : onAcknowledge
              ? `预检通过，有 ${warnings} 项提示须逐项确认“已知悉”后方可提交`
              : `预检通过，有 ${warnings} 项提示（提交时已确认知悉）`
        }
      />
      {[...groups.entries()].map(([rule, list]) => (
        <Card
          key={rule}
          size="small"
          title={`${rule === 'SCOPE' ? '' : `${rule} `}${RULE_TITLES[rule as RuleId] ?? rule}`}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {list.map(({ f, i }) => (
              <div key={findingKey(f, i)} className="precheck-finding" data-testid={`finding-${f.code}`}>
                <Space size={4} wrap>
                  {f.severity === 'error' ? <Tag color="red">须处理</Tag> : <Tag color="orange">提示</Tag>}
                  <Typography.Text>{f.message}</Typography.Text>
                </Space>
                <div>
                  <Typography.Text type="secondary">条款：</Typography.Text>
                  {f.clause}
                </div>
                <div>
                  <Typography.Text type="secondary">如何处理：</Typography.Text>
                  {f.fix}
                </div>
                <Space size={12}>
                  {onJump && (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onJump(f)}>
                      去修改
                    </Button>
                  )}
                  {f.severity === 'warning' && onAcknowledge && (
                    <Checkbox
                      checked={acknowledged?.has(findingKey(f, i))}
                      onChange={(e) => onAcknowledge(findingKey(f, i), e.target.checked)}
                    >
                      已知悉
                    </Checkbox>
                  )}
                </Space>
              </div>
            ))}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
