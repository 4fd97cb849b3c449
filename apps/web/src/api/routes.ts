/**
 * What each API route the web calls answers, read off the contracts' zod schemas — the same schemas the
 * server serializes its answers with — so a response's type follows its route and cannot drift. A route
 * the web starts calling is added here once, under its method, with the schema its server route declares.
 */
import type { z } from 'zod';
import type * as c from '@skillcert/contracts';

type Of<S extends z.ZodType> = z.output<S>;
type Items<S extends z.ZodType> = { items: z.output<S>[] };

/** Routes answering the application's detail after an action (their server routes declare no schema). */
type DetailAfterAction = Of<typeof c.applicationDetail>;

export interface GetRoutes {
  '/api/auth/me': Of<typeof c.sessionResponse>;
  '/api/home/stats': Of<typeof c.homeStats>;
  '/api/messages': Of<typeof c.messageList>;
  '/api/inbox': Of<typeof c.inboxList>;
  '/api/inbox/done': Of<typeof c.inboxList>;
  '/api/admin/users': Of<typeof c.userList>;
  '/api/security/sessions': Items<typeof c.liveSession>;
  '/api/audit': Of<typeof c.auditList>;
  '/api/audit/verify': Of<typeof c.chainVerification>;
  '/api/dict/occupations': Of<typeof c.occupationPage>;
  '/api/dict/occupations/:code': Of<typeof c.occupationDetail>;
  '/api/dict/standards': Of<typeof c.standardPage>;
  '/api/dict/holidays': Of<typeof c.holidayYearResponse>;
  '/api/dict/chains': Of<typeof c.chainList>;
  '/api/organizations': Of<typeof c.organizationList>;
  '/api/organizations/:id': Of<typeof c.organizationSummary>;
  '/api/organizations/:id/colleagues': Items<typeof c.colleague>;
  '/api/rounds': Of<typeof c.roundList>;
  '/api/rounds/:id': Of<typeof c.roundDto>;
  '/api/applications': Of<typeof c.applicationList>;
  '/api/applications/occupation-options': Items<typeof c.occupationOption>;
  '/api/applications/:id': Of<typeof c.applicationDetail>;
  '/api/applications/:id/expert-draws': Of<typeof c.expertDrawList>;
  '/api/applications/:id/expert-reviews': Of<typeof c.expertReviewList>;
  '/api/applications/:id/site-assessments': Of<typeof c.siteAssessmentList>;
  '/api/applications/:id/opinion': Of<typeof c.cityOpinionResponse>;
  '/api/applications/:id/province-reviews': Of<typeof c.provinceReviewList>;
  '/api/draws/:id/replay': Of<typeof c.drawReplayResponse>;
  '/api/experts': Of<typeof c.expertList>;
  '/api/my/assignments': Of<typeof c.myAssignmentList>;
  '/api/recommendation-batches': Of<typeof c.recommendationBatchList>;
  '/api/policies/stage-limits': Of<typeof c.stageLimitsDto>;
  '/api/credit-blacklist': Of<typeof c.creditBlacklistPage>;
  '/api/filings': Of<typeof c.filingPage>;
  '/api/filings/counts': Of<typeof c.filingCounts>;
  '/api/filing-lists': Of<typeof c.filingListPage>;
  '/api/filing-lists/pending': Of<typeof c.pendingConfirmationList>;
  '/api/filing-lists/pending/:noticeId': Of<typeof c.confirmationPreview>;
  '/api/filing-lists/:id': Of<typeof c.filingListStaffDetail>;
  '/api/inspectors': Of<typeof c.inspectorList>;
  '/api/my/inspector-profile': Of<typeof c.myInspectorProfile>;
  '/api/spot-checks': Of<typeof c.spotCheckDrawList>;
  '/api/spot-checks/policy': Of<typeof c.spotCheckPolicy>;
  '/api/spot-checks/preview': Of<typeof c.spotCheckPreview>;
  '/api/spot-checks/:id': Of<typeof c.spotCheckDrawDetail>;
  '/api/my/spot-checks': Of<typeof c.mySpotCheckList>;
  '/api/notices': Of<typeof c.noticeList>;
  '/api/notices/candidates': Of<typeof c.noticeCandidateList>;
  '/api/notices/:id': Of<typeof c.noticeDetailDto>;
  '/api/notices/:id/preview': Of<typeof c.noticeWindowDto>;
  '/api/objections': Of<typeof c.objectionList>;
  '/api/objections/:id': Of<typeof c.objectionDetailDto>;
  // 公开页面 (no login)
  '/api/public/divisions': Of<typeof c.divisionsResponse>;
  '/api/public/working-days': Of<typeof c.workingDaysResponse>;
  '/api/public/validate/credit-code': Of<typeof c.creditCodeCheckResponse>;
  '/api/public/rounds': Of<typeof c.publicRoundList>;
  '/api/public/occupations': Of<typeof c.publicOccupationList>;
  '/api/public/registry': Of<typeof c.registrySearchResult>;
  '/api/public/registry/:creditCode': Of<typeof c.registryBodyDetail>;
  '/api/public/filing-lists': Of<typeof c.filingListPage>;
  '/api/public/filing-lists/:sequence': Of<typeof c.filingListDetail>;
  '/api/public/draws': Of<typeof c.publicDrawList>;
  '/api/public/draws/:id': Of<typeof c.publicDrawDetail>;
  '/api/public/notices': Of<typeof c.publicNoticeList>;
  '/api/public/notices/:id': Of<typeof c.publicNoticeDetailDto>;
  '/api/public/human-check': Of<typeof c.humanCheckChallengeDto>;
  '/api/public/objections/:receiptNumber': Of<typeof c.objectionTrackingDto>;
}

/** Answers of POST routes; `void` where the web reads nothing back (or the server answers nothing). */
export interface PostRoutes {
  '/api/auth/login': Of<typeof c.sessionResponse>;
  '/api/auth/logout': void;
  '/api/auth/password': void;
  '/api/messages/:id/read': void;
  '/api/admin/users': { id: string };
  '/api/admin/users/:id/reset-password': void;
  '/api/admin/users/:id/unlock': void;
  '/api/admin/users/:id/reveal-phone': { phone: string };
  '/api/organizations/:id/activate': Of<typeof c.organizationSummary>;
  '/api/organizations/:id/reveal-contact': { phone: string };
  '/api/organizations/:id/colleagues': { id: string };
  '/api/organizations/:id/colleagues/:userId/reset-password': void;
  '/api/organizations/:id/transfer-admin': void;
  '/api/dict/chains': Of<typeof c.chainItem>;
  '/api/rounds': Of<typeof c.roundDto>;
  '/api/rounds/:id/:verb': Of<typeof c.roundDto>;
  '/api/applications': { id: string };
  '/api/applications/:id/precheck': Of<typeof c.precheckResponse>;
  '/api/applications/:id/submit': Of<typeof c.submitResponse>;
  '/api/applications/:id/withdraw': DetailAfterAction;
  '/api/applications/:id/verify': DetailAfterAction;
  '/api/applications/:id/send-back': DetailAfterAction;
  '/api/applications/:id/expert-draws': Of<typeof c.expertDrawResponse>;
  '/api/applications/:id/site-assessments': Of<typeof c.siteAssessmentDto>;
  '/api/applications/:id/opinion': Of<typeof c.cityOpinionResponse>;
  '/api/applications/:id/province-review': Of<typeof c.provinceReviewResponse>;
  '/api/experts': Of<typeof c.createExpertResponse>;
  '/api/experts/:id/conflicts': Of<typeof c.expertDto>;
  '/api/my/conflicts': void;
  '/api/recommendation-batches': { id: string; number: string };
  '/api/credit-blacklist/:id/remove': Of<typeof c.creditBlacklistEntry>;
  '/api/filing-lists': Of<typeof c.confirmFilingResponse>;
  '/api/filings/self-evaluation': { id: string };
  '/api/filings/self-evaluation/:id/revoke': { id: string };
  '/api/inspectors': Of<typeof c.createInspectorResponse>;
  '/api/inspectors/:id/conflicts': Of<typeof c.inspectorDto>;
  '/api/my/inspector-conflicts': Of<typeof c.myInspectorProfile>;
  '/api/spot-checks': Of<typeof c.commitSpotCheckResponse>;
  '/api/spot-checks/:id/:step': Of<typeof c.spotCheckDrawDetail>;
  '/api/spot-checks/:id/replacements': Of<typeof c.commitSpotCheckResponse>;
  '/api/spot-checks/:id/targets/:applicationId/decision': Of<typeof c.spotCheckDrawDetail>;
  '/api/my/spot-checks/:applicationId/result': Of<typeof c.mySpotCheck>;
  '/api/my/spot-checks/:applicationId/result/:step': Of<typeof c.mySpotCheck>;
  '/api/notices': Of<typeof c.noticeDetailDto>;
  '/api/notices/:id/publish': Of<typeof c.noticeDetailDto>;
  '/api/notices/:id/pass': Of<typeof c.noticeDetailDto>;
  '/api/objections/:id/answer': Of<typeof c.objectionDetailDto>;
  '/api/objections/:id/reveal-contact': { phone: string };
}

export interface PutRoutes {
  '/api/filings/self-evaluation/:id': { id: string };
  '/api/applications/:id/facts': DetailAfterAction;
  '/api/applications/:id/scope-items': DetailAfterAction;
  '/api/my/assignments/:assignmentId/review': { submittedAt: string };
  '/api/policies/stage-limits': Of<typeof c.stageLimitsDto>;
  '/api/spot-checks/policy': Of<typeof c.spotCheckPolicy>;
  '/api/dict/holidays/:year': Of<typeof c.holidayYearResponse>;
}

export interface PatchRoutes {
  '/api/admin/users/:id': void;
  '/api/dict/standards/:id': Of<typeof c.standardItem>;
  '/api/dict/chains/:id': Of<typeof c.chainItem>;
  '/api/rounds/:id': Of<typeof c.roundDto>;
  '/api/experts/:id': Of<typeof c.expertDto>;
  '/api/inspectors/:id': Of<typeof c.inspectorDto>;
  '/api/notices/:id': Of<typeof c.noticeDetailDto>;
}

export interface DeleteRoutes {
  '/api/security/sessions/:id': void;
  '/api/applications/:id/materials/:materialId': void;
}

/** multipart/form-data uploads. */
export interface UploadRoutes {
  '/api/public/registrations': Of<typeof c.registrationResponse>;
  '/api/public/notices/:id/objections': Of<typeof c.objectionReceiptDto>;
  '/api/applications/:id/materials/:slotKey': { id: string; sha256: string };
  '/api/applications/:id/site-assessments/:sid/photos': { id: string; sha256: string };
  '/api/my/spot-checks/:applicationId/attachments': Of<typeof c.spotCheckAttachmentDto>;
  '/api/credit-blacklist/import': Of<typeof c.creditBlacklistImportResponse>;
  '/api/dict/standards/import': Of<typeof c.standardsImportResponse>;
  '/api/filings/import': Of<typeof c.filingsImportResponse>;
  '/api/filings/evidence': Of<typeof c.filingEvidenceResponse>;
}
