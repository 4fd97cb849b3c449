/**
 * 征集批次 create / edit drawer. POST /api/rounds creates a draft with the server's default policy (no
 * policy sent); the drawer then stays open on the new draft so the policy and material slots can be
 * adjusted (PATCH /api/rounds/:id with version). Opened rounds and read-only viewers see it disabled.
 */
import {
  Alert,
  App,
  Button,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { NOTICE_DOCUMENT_TITLE } from '@skillcert/domain';
import { api } from '../../api/client';
import type { MaterialSlotDto, Round } from '../../api/filing-types';
import { todayInShanghai, calendarDateOf } from '../../components/format';
import { MaterialSlotsTable } from './MaterialSlotsTable';

interface RoundValues {
  title: string;
  noticeDocumentTitle: string;
  noticeText: string;
  window: [Dayjs, Dayjs];
  fewThreshold?: number;
  shortagePolicy?: 'warn' | 'refuse';
  materialSlots?: MaterialSlotDto[];
}

function initialValues(round: Round | null): Partial<RoundValues> {
  if (!round) {
    const start = dayjs(todayInShanghai());
    return { window: [start, start.add(30, 'day')], noticeDocumentTitle: NOTICE_DOCUMENT_TITLE };
  }
  return {
    title: round.title,
    noticeDocumentTitle: round.noticeDocumentTitle,
    noticeText: round.noticeText,
    window: [dayjs(round.windowStart), dayjs(round.windowEnd)],
    fewThreshold: round.policy.fewThreshold,
    shortagePolicy: round.policy.shortagePolicy,
    materialSlots: round.policy.materialSlots,
  };
}

export function RoundDrawer({
  open,
  round: given,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** null: a new round. */
  round: Round | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundValues>();
  const [round, setRound] = useState<Round | null>(given);
  const [busy, setBusy] = useState(false);
  const readOnly = !!round && !round.abilities.edit;

  useEffect(() => {
    if (open) setRound(given);
  }, [open, given]);
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initialValues(round) as RoundValues);
    }
  }, [open, round, form]);

  const save = async () => {
    let v: RoundValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const base = {
      title: v.title.trim(),
      noticeDocumentTitle: v.noticeDocumentTitle.trim(),
      noticeText: v.noticeText.trim(),
      windowStart: calendarDateOf(v.window[0]),
      windowEnd: calendarDateOf(v.window[1]),
    };
    setBusy(true);
    try {
      if (!round) {
        const created = await api.post('/api/rounds', { body: base });
        void message.success('已创建草稿批次；材料项与政策已按默认值预置，可继续调整后保存');
        setRound(created);
      } else {
        const policy = {
          fewThreshold: v.fewThreshold ?? round.policy.fewThreshold,
          shortagePolicy: v.shortagePolicy ?? round.policy.shortagePolicy,
          materialSlots: (v.materialSlots ?? round.policy.materialSlots).map((s) => ({
            key: s.key.trim(),
            label: s.label.trim(),
            required: !!s.required,
            kinds: s.kinds,
            accept: s.accept,
            maxMB: s.maxMB,
          })),
        };
        const updated = await api.patch('/api/rounds/:id', {
          params: { id: round.id },
          body: {
            ...base,
            policy,
            version: round.version,
          },
        });
        void message.success('已保存');
        setRound(updated);
      }
      onSaved();
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={1000}
      title={
        round ? (readOnly ? `征集批次：${round.title}` : `编辑征集批次：${round.title}`) : '新建征集批次'
      }
      extra={
        !readOnly && (
          <Button type="primary" loading={busy} onClick={save}>
            {round ? '保存' : '创建草稿'}
          </Button>
        )
      }
    >
      {round && round.status !== 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="批次已开启，政策与材料要求已固定，不能再修改"
        />
      )}
      <Form<RoundValues> form={form} name="round" layout="vertical" disabled={readOnly}>
        <Form.Item
          name="title"
          label="批次标题"
          rules={[{ required: true, min: 4, message: '标题至少4个字' }]}
        >
          <Input maxLength={120} placeholder="如：2026年第一批职业技能等级认定评价机构征集" />
        </Form.Item>
        <Form.Item
          name="noticeDocumentTitle"
          label="依据通知（标题，不含书名号）"
          tooltip="公示、备案名单和备案确认通知书均引用此标题"
          rules={[{ required: true, min: 6, message: '请填写所依据通知的完整标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="noticeText"
          label="申报通知正文"
          rules={[{ required: true, min: 10, message: '请填写申报通知正文（至少10个字）' }]}
        >
          <Input.TextArea rows={6} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="window" label="申报时间" rules={[{ required: true, message: '请选择申报起止日期' }]}>
          <DatePicker.RangePicker format="YYYY-MM-DD" />
        </Form.Item>
        {!round && (
          <Alert
            type="info"
            showIcon
            title="创建后按默认值预置“数量较少”阈值、紧缺与社会评价政策及备案材料项，可在草稿中调整。"
          />
        )}
        {round && (
          <>
            <Divider titlePlacement="start">政策（开启后固定）</Divider>
            <Space size="large" wrap align="start">
              <Form.Item
                name="fewThreshold"
                label="“数量较少”阈值（家）"
                tooltip="本市州已备案机构少于此数即属当地紧缺（规则R7）"
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={100} precision={0} />
              </Form.Item>
              <Form.Item name="shortagePolicy" label="非紧缺时" rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: 'warn', label: '提示（须确认）' },
                    { value: 'refuse', label: '不予受理' },
                  ]}
                />
              </Form.Item>
            </Space>
            <Divider titlePlacement="start">备案材料项（规则R9）</Divider>
            <MaterialSlotsTable disabled={readOnly} />
          </>
        )}
      </Form>
    </Drawer>
  );
}
