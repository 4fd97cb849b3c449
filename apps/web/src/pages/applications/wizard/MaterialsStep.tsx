/** ③ 备案材料: one upload area per slot of the round for this kind of organization (R9). */
import { Alert, Space } from 'antd';
import { useEffect, useImperativeHandle, type Ref } from 'react';
import type { ApplicationDetail } from '../../../api/filing-types';
import { ReturnComment } from '../ApplicationCards';
import { SlotUpload } from './SlotUpload';
import type { Draft, Focus, StepHandle } from './useDraft';

export function MaterialsStep({
  detail,
  draft,
  focus,
  ref,
}: {
  detail: ApplicationDetail;
  draft: Draft;
  focus?: Focus;
  ref: Ref<StepHandle>;
}) {
  // Uploads are saved as they finish; nothing is pending when leaving the step.
  useImperativeHandle(ref, () => ({ save: async () => true }));
  useEffect(() => {
    if (focus?.slotKey) document.getElementById(`slot-${focus.slotKey}`)?.scrollIntoView({ block: 'center' });
  }, [focus]);

  const missing = detail.materialSlots.filter(
    (s) => s.required && !detail.materials.some((m) => m.slotKey === s.key && m.current),
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {detail.returnComments.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`市州鉴定中心退回补正：${detail.returnComments.length} 项材料需要修改`}
          description="请按各材料项下的补正意见移除有问题的文件并上传修改后的文件，然后到“预检”“承诺提交”重新提交。"
        />
      )}
      <Alert
        type={missing.length ? 'warning' : 'success'}
        showIcon
        title={
          missing.length
            ? `还有 ${missing.length} 项必传材料未上传：${missing.map((s) => s.label).join('、')}`
            : '必传材料已全部上传'
        }
        description="文件上传后即保存，系统按文件内容判定类型并记录 SHA-256 摘要；移除的文件作为历史版本保留。"
      />
      {detail.materialSlots.map((s) => (
        <SlotUpload
          key={s.key}
          applicationId={detail.id}
          slot={s}
          highlight={focus?.slotKey === s.key || detail.returnComments.some((c) => c.slotKey === s.key)}
          notice={
            <div style={{ marginBottom: 8 }}>
              <ReturnComment detail={detail} slotKey={s.key} />
            </div>
          }
          files={detail.materials.filter((m) => m.slotKey === s.key)}
          onChanged={draft.refreshMaterials}
        />
      ))}
    </Space>
  );
}
