/**
 * 备案确认 (staff): passed notices awaiting confirmation with a preview, the confirmation itself
 * ('filingList.confirm', province bureau), the 第N批 lists with details, and the 备案确认通知书 of a filed
 * application (its scope: the applicant's organization, the city, the province). Thin routes.
 */
import { z } from 'zod';
import {
  confirmationPreview,
  confirmFilingRequest,
  confirmFilingResponse,
  errorBody,
  filingListPage,
  filingListPublicQuery,
  filingListStaffDetail,
  pendingConfirmationList,
} from '@skillcert/contracts';
import { downloadHeaders } from '../download';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { confirmFilingList } from '../../use-cases/filing-lists/confirm-filing-list';
import {
  confirmationPreview as previewOf,
  listFilingLists,
  listPendingConfirmations,
  staffFilingList,
} from '../../use-cases/filing-lists/filing-list-queries';
import { filingConfirmationLetter } from '../../use-cases/filing-lists/filing-confirmation-letter';

const tags = ['备案确认'];
const read = { access: { action: 'filingList.read' as const } };
/** Awaiting confirmation: province work, not yet public, spanning every city (not the city staff's). */
const readPending = { access: { action: 'filingList.readPending' as const } };
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };
export function filingListRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/filing-lists/pending',
    {
      schema: {
        tags,
        summary: '待备案确认的公示（已期满通过、尚未确认）',
        response: { 200: pendingConfirmationList },
      },
      config: readPending,
    },
    async () => listPendingConfirmations(deps.db),
  );

  app.get(
    '/api/filing-lists/pending/:noticeId',
    {
      schema: {
        tags,
        summary: '备案确认预览：逐项备案、暂缓（R8 社会评价）或已撤下',
        params: z.object({ noticeId: z.string() }),
        response: { 200: confirmationPreview, 404: errorBody },
      },
      config: readPending,
    },
    async (request) => previewOf(deps.db, request.params.noticeId),
  );

  app.post(
    '/api/filing-lists',
    {
      schema: {
        tags,
        summary: '备案确认（省人社厅）：发布第N批名单，分配评价机构序列码，申请转为已备案',
        body: confirmFilingRequest,
        response: { 201: confirmFilingResponse, ...errors },
      },
      config: { access: { action: 'filingList.confirm' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await confirmFilingList(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/filing-lists',
    {
      schema: {
        tags,
        summary: '备案名单（第N批）',
        querystring: filingListPublicQuery,
        response: { 200: filingListPage },
      },
      config: read,
    },
    async (request) => listFilingLists(deps.db, request.query),
  );

  app.get(
    '/api/filing-lists/:id',
    {
      schema: {
        tags,
        summary: '备案名单详情（含暂缓确认的社会评价）',
        params: z.object({ id: z.string() }),
        response: { 200: filingListStaffDetail, 404: errorBody },
      },
      config: read,
    },
    async (request) => staffFilingList(deps.db, request.params.id),
  );

  app.get(
    '/api/applications/:id/filing-confirmation.pdf',
    {
      schema: {
        tags,
        summary: '备案确认通知书（PDF；申请单位、所在市州及省级人员）',
        params: z.object({ id: z.string() }),
      },
      config: { access: { action: 'application.read' } },
    },
    async (request, reply) => {
      const { pdf, fileName } = await filingConfirmationLetter(deps.db, actorOf(request), request.params.id);
      return downloadHeaders(reply, { type: 'application/pdf', fileName: fileName }).send(pdf);
    },
  );
}
