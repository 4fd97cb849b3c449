/**
 * 公示与异议 for the public (no login, rate-limited per address): notices (current and archive), one
 * notice with its countdown and working-day explanation, PDF and Excel downloads, the human check,
 * submitting an objection (multipart: fields + up to 5 `evidence` files) and tracking it by receipt number.
 * Nothing personal is ever returned.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '@skillcert/domain';
import {
  errorBody,
  humanCheckChallengeDto,
  objectionReceiptDto,
  objectionTrackingDto,
  publicNoticeDetailDto,
  publicNoticeList,
  publicNoticeListQuery,
} from '@skillcert/contracts';
import { XLSX_TYPE, downloadHeaders } from '../download';
import type { AppInstance } from '../app-types';
import { compiledResponse } from '../compiled-serializer';
import type { FileStorage } from '../../adapters/file-storage';
import { perMinute } from '../rate-limit';
import { refuseHostileFileName, refuseHostileText } from '../input-guard';
import { requestMeta } from '../request-meta';
import {
  discardUploads,
  receiveUpload,
  recordUploads,
  type UploadedFile,
} from '../../use-cases/files/uploaded-file';
import {
  listPublicNotices,
  publicNoticeDetail,
  publicNoticeFile,
} from '../../use-cases/notices/public-notices';
import { createHumanCheck } from '../../use-cases/human-check/human-checks';
import {
  OBJECTION_EVIDENCE_MAX,
  OBJECTION_EVIDENCE_RULE,
  submitObjection,
} from '../../use-cases/objections/submit-objection';
import { trackObjection } from '../../use-cases/objections/objection-queries';

const tags = ['公示与异议（公开）'];
const idParams = z.object({ id: z.string() });
/** The objection form: text fields and the evidence files (streamed to storage, type by content). */
async function readObjectionForm(
  request: FastifyRequest,
  storage: FileStorage,
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!request.isMultipart())
    throw invalid('MULTIPART_REQUIRED', '请以 multipart/form-data 表单提交异议（可附证明材料）');
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts({
      limits: { fileSize: OBJECTION_EVIDENCE_RULE.maxBytes + 1, files: OBJECTION_EVIDENCE_MAX + 1 },
    })) {
      refuseHostileText(part.fieldname, '');
      if (part.type === 'file') {
        if (part.fieldname !== 'evidence') {
          part.file.resume();
          throw invalid('UNKNOWN_FIELD', `不允许的附件字段：${part.fieldname}`);
        }
        if (files.length >= OBJECTION_EVIDENCE_MAX) {
          part.file.resume();
          throw invalid('EVIDENCE_TOO_MANY', `证明材料最多${OBJECTION_EVIDENCE_MAX}个文件`);
        }
        refuseHostileFileName(part);
        files.push(await receiveUpload(storage, part.file, part.filename, OBJECTION_EVIDENCE_RULE));
      } else {
        fields[part.fieldname] = String(part.value);
        refuseHostileText(fields[part.fieldname]!, part.fieldname);
      }
    }
  } catch (error) {
    await discardUploads(storage, files);
    throw error;
  }
  return { fields, files };
}

export function publicNoticeRoutes(app: AppInstance): void {
  const { deps } = app;
  const reads = { access: { public: true as const }, rateLimit: perMinute(deps.config, 120) };

  app.get(
    '/api/public/notices',
    {
      schema: {
        tags,
        summary: '公示公告（current：公示中及待办结；archive：往期）',
        querystring: publicNoticeListQuery,
        response: { 200: compiledResponse(publicNoticeList) },
      },
      config: reads,
    },
    async (request) => listPublicNotices(deps, request.query),
  );

  app.get(
    '/api/public/notices/:id',
    {
      schema: {
        tags,
        summary: '公示详情：名单、起止日期与倒计时、跳过日期说明',
        params: idParams,
        response: { 200: publicNoticeDetailDto, 404: errorBody },
      },
      config: reads,
    },
    async (request) => publicNoticeDetail(deps, request.params.id),
  );

  for (const [format, contentType, label] of [
    ['pdf', 'application/pdf', 'PDF'],
    ['xlsx', XLSX_TYPE, 'Excel'],
  ] as const) {
    app.get(
      `/api/public/notices/:id/${format}`,
      {
        schema: { tags, summary: `下载公示名单（${label}）`, params: idParams },
        config: { access: { public: true }, rateLimit: perMinute(deps.config, 30) },
      },
      async (request, reply) => {
        const { file, number } = await publicNoticeFile(deps.db, request.params.id, format);
        return downloadHeaders(reply, { type: contentType, fileName: `公示-${number}.${format}` }).send(file);
      },
    );
  }

  app.get(
    '/api/public/human-check',
    {
      schema: {
        tags,
        summary: '获取人机验证题（图片；一次有效，10分钟内）',
        response: { 200: humanCheckChallengeDto },
      },
      config: { access: { public: true }, rateLimit: perMinute(deps.config, 30) },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send(await createHumanCheck(deps)),
  );

  app.post(
    '/api/public/notices/:id/objections',
    {
      schema: {
        tags,
        summary:
          '提出异议（multipart：contactName、contactPhone、noticeItemId 或 applicationId、reason、humanCheckId、humanCheckAnswer；附件 evidence 最多5个）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: objectionReceiptDto, 400: errorBody, 404: errorBody, 409: errorBody },
      },
      config: { access: { public: true }, rateLimit: perMinute(deps.config, 10) },
    },
    async (request, reply) => {
      const form = await readObjectionForm(request, deps.storage);
      const receipt = await recordUploads(deps.storage, form.files, () =>
        submitObjection(deps, request.params.id, form.fields, form.files, requestMeta(request)),
      );
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/api/public/objections/:receiptNumber',
    {
      schema: {
        tags,
        summary: '按回执号查询异议办理状态与答复（不含异议人信息）',
        params: z.object({ receiptNumber: z.string().max(40) }),
        response: { 200: objectionTrackingDto, 404: errorBody },
      },
      config: { access: { public: true }, rateLimit: perMinute(deps.config, 30) },
    },
    async (request) => trackObjection(deps.db, request.params.receiptNumber),
  );
}
