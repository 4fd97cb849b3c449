/** sys_admin enters a year's 节假日与调休 (PUT /api/dict/holidays/:year {days, source}). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { HolidayDay } from '@skillcert/contracts';
import { FormModal } from '../../components/FormModal';
import { calendarDateOf } from '../../components/format';

interface Row {
  date: Dayjs;
  name: string;
  isOffDay: boolean;
}
interface Values {
  source: string;
  days: Row[];
}

export function HolidayEditor({
  year,
  open,
  days,
  source,
  onClose,
  onDone,
}: {
  year: number;
  open: boolean;
  days: HolidayDay[];
  source?: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const initial: Values = {
    source: source ?? '',
    days: days.map((d) => ({ date: dayjs(d.date), name: d.name, isOffDay: d.isOffDay })),
  };
  return (
    <FormModal<Values>
      open={open}
      width={760}
      title={`录入${year}年节假日与调休安排`}
      okText="保存"
      initialValues={initial}
      onClose={onClose}
      onSubmit={async (v) => {
        const out = (v.days ?? []).map((d) => ({
          date: calendarDateOf(d.date),
          name: d.name.trim(),
          isOffDay: d.isOffDay,
        }));
        const dates = out.map((d) => d.date);
        const dup = dates.find((d, i) => dates.indexOf(d) !== i);
        if (dup) {
          void message.error(`日期 ${dup} 录入了两次，请删除重复的一行`);
          throw new Error('DUPLICATE_DATE');
        }
        await api.put('/api/dict/holidays/:year', {
          params: { year },
          body: {
            days: out.sort((a, b) => a.date.localeCompare(b.date)),
            source: v.source.trim(),
          },
        });
        onDone();
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="只录入放假日与调休上班日；未列出的日期按“周一至周五上班、周六周日休息”计算。"
      />
      <Form.Item
        name="source"
        label="依据"
        rules={[
          {
            required: true,
            whitespace: true,
            message: '请填写依据文件，如国务院办公厅关于节假日安排的通知文号',
          },
        ]}
      >
        <Input
          placeholder={`如：国务院办公厅关于${year}年部分节假日安排的通知（国办发明电〔${year - 1}〕X号）`}
        />
      </Form.Item>
      <Form.List name="days">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item
                  name={[f.name, 'date']}
                  rules={[
                    { required: true, message: '请选择日期' },
                    {
                      validator: (_, d: Dayjs | undefined) =>
                        !d || d.year() === year
                          ? Promise.resolve()
                          : Promise.reject(new Error(`日期须在${year}年内`)),
                    },
                  ]}
                >
                  <DatePicker format="YYYY-MM-DD" defaultPickerValue={dayjs(`${year}-01-01`)} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}
                >
                  <Input placeholder="节日名称，如 春节" style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'isOffDay']} rules={[{ required: true, message: '请选择' }]}>
                  <Select
                    style={{ width: 120 }}
                    options={[
                      { value: true, label: '放假' },
                      { value: false, label: '调休上班' },
                    ]}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label="删除此行"
                />
              </Space>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ isOffDay: true })}>
              添加一天
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
