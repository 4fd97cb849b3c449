import { invalid } from '@skillcert/domain';
import { errorBody, registrationFields, registrationResponse } from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { perMinute } from '../rate-limit';
import { readMultipartForm } from '../multipart';
import { recordUploads } from '../../use-cases/files/uploaded-file';
import { requestMeta } from '../request-meta';
import { registerOrganization } from '../../use-cases/organizations/register-organization';

const LICENCE_RULE = {
  accept: ['pdf', 'jpg', 'png'] as const,
  maxBytes: 10 * 1024 * 1024,
  label: '营业执照/法人登记证书',
};

export function registrationRoutes(app: AppInstance): void {
  const { deps } = app;
  app.post(
    '/api/public/registrations',
    {
      schema: {
        tags: ['单位注册'],
        summary: '申报单位注册（multipart：字段 + 附件 licence）',
        consumes: ['multipart/form-data'],
        response: { 201: registrationResponse, 400: errorBody, 409: errorBody },
      },
      config: { access: { public: true }, rateLimit: perMinute(deps.config, 10) },
    },
    async (request, reply) => {
      const form = await readMultipartForm(request, deps.storage, 'licence', {
        ...LICENCE_RULE,
        accept: [...LICENCE_RULE.accept],
      });
      const files = form.file ? [form.file] : [];
      return recordUploads(deps.storage, files, async () => {
        const parsed = registrationFields.safeParse(form.fields);
        if (!parsed.success) {
          const details = parsed.error.issues.map((i) => ({
            code: i.code === 'unrecognized_keys' ? 'UNKNOWN_FIELD' : `FIELD_${i.code.toUpperCase()}`,
            message: i.message,
            field: i.path.join('.'),
          }));
          throw invalid('VALIDATION_FAILED', `请求数据有误：${details[0]?.message ?? ''}`, details);
        }
        if (!form.file) throw invalid('LICENCE_REQUIRED', '请上传营业执照或法人登记证书（PDF、JPG 或 PNG）');
        const result = await registerOrganization(deps, parsed.data, form.file, requestMeta(request));
        return reply.status(201).send(result);
      });
    },
  );
}
