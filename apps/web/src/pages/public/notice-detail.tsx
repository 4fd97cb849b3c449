/**
 * 公示详情 (public, no login): GET /api/public/notices/:id — the list (organization, credit code, city,
 * occupation / 工种, levels, mode), the window with the explanation of every skipped day, the countdown,
 * PDF and Excel downloads, and the objection form while the window is open. Readable on a phone.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { NoticeItemDto, PublicNoticeDetailDto } from '@skillcert/contracts';
import { api, ApiError } from '../../api/client';
import { formatDateLong, formatDateTime } from '../../components/format';
import { Countdown, NoticeItems, NoticeWindow, PHASE_COLOR } from './notice-parts';
import { ObjectionForm } from './objection-form';

export default function PublicNoticeDetailPage() {
  const { id = '' } = useParams();
  const [notice, setNotice] = useState<PublicNoticeDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<string | undefined>();

  useEffect(() => {
    api
      .get(
        '/api/public/notices/:id',
        { params: { id } },
        {
          silent: true,
          noAuthRedirect: true,
        },
      )
      .then(setNotice, (e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'));
  }, [id]);

  if (error)
    return (
      <Result
        status="404"
        title="未找到该公示"
        subTitle={error}
        extra={<Link to="/public/notices">返回公示公告</Link>}
      />
    );
  if (!notice) return <Skeleton active />;

  const download = (format: 'pdf' | 'xlsx') =>
    void api
      .download(
        format === 'pdf' ? notice.pdfUrl : notice.xlsxUrl,
        `公示-${notice.number}.${format}`,
        undefined,
        {
          noAuthRedirect: true,
        },
      )
      .catch(() => undefined);

  const objectTo = (item: NoticeItemDto) => {
    setTarget(`item:${item.id}`);
    document.getElementById('objection-form')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {notice.title}
        </Typography.Title>
        <Space wrap size={8} style={{ marginBottom: 12 }}>
          <Tag color={PHASE_COLOR[notice.phase]}>
            {notice.status === 'passed' ? '已办结' : notice.phaseLabel}
          </Tag>
          <Typography.Text type="secondary">公示编号：{notice.number}</Typography.Text>
          <Typography.Text type="secondary">发布时间：{formatDateTime(notice.publishedAt)}</Typography.Text>
        </Space>
        <Typography.Paragraph>
          经申报单位申请、市州推荐和省级评估（被抽中单位另经实地抽查复核），现将拟纳入备案管理的{' '}
          {notice.organizationCount} 家评价机构及其 {notice.itemCount}{' '}
          个职业（工种）、等级、评价方式予以公示。
        </Typography.Paragraph>
        {notice.objectionsOpen && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={<Countdown msRemaining={notice.msRemaining} />}
            description={`公示期内可对名单提出异议，截止 ${formatDateLong(notice.endDate)} 23:59:59（北京时间）。`}
          />
        )}
        {notice.status === 'published' && notice.phase === 'upcoming' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`公示将于 ${formatDateLong(notice.startDate)} 0:00 开始，届时可提出异议`}
          />
        )}
        {notice.phase === 'closed' && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={notice.status === 'passed' ? '公示期已满，已办结' : '公示期已满，不再受理异议，正在办结'}
          />
        )}
        <NoticeWindow window={notice.window} />
        <Space wrap style={{ marginTop: 16 }}>
          <Button icon={<DownloadOutlined />} onClick={() => download('pdf')}>
            下载 PDF
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => download('xlsx')}>
            下载 Excel
          </Button>
          <Link to="/public/objections">按回执号查询异议办理结果</Link>
        </Space>
      </Card>
      <Card title={`公示名单（${notice.organizationCount} 家单位、${notice.itemCount} 个职业/工种）`}>
        <NoticeItems
          items={notice.items}
          action={
            notice.objectionsOpen
              ? (i) =>
                  i.status === 'listed' ? (
                    <Button size="small" type="link" onClick={() => objectTo(i)} style={{ padding: 0 }}>
                      提出异议
                    </Button>
                  ) : null
              : undefined
          }
        />
      </Card>
      {notice.objectionsOpen && (
        <ObjectionForm noticeId={notice.id} items={notice.items} target={target} onTargetChange={setTarget} />
      )}
    </Space>
  );
}
