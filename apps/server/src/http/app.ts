/** Builds the Fastify application around the use cases. Routes stay thin. */
import Fastify, { type FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { registerAccessControl, type RegisteredRoute } from './access';
import { registerSecurityHeaders } from './security-headers';
import { responseSerializerCompiler } from './compiled-serializer';
import { answerFrameworkError, registerInputGuard } from './input-guard';
import { authRoutes } from './routes/auth';
import { dictionaryRoutes } from './routes/dictionaries';
import { registrationRoutes } from './routes/registration';
import { organizationRoutes } from './routes/organizations';
import { userRoutes } from './routes/users';
import { auditRoutes } from './routes/audit';
import { securityRoutes } from './routes/security';
import { homeRoutes } from './routes/home';
import { filingRoutes } from './routes/filings';
import { creditBlacklistRoutes } from './routes/credit-blacklist';
import { roundRoutes } from './routes/rounds';
import { applicationRoutes } from './routes/applications';
import { verificationRoutes } from './routes/verification';
import { expertRoutes } from './routes/experts';
import { cityReviewRoutes } from './routes/city-review';
import { provinceReviewRoutes } from './routes/province-review';
import { inspectorRoutes } from './routes/inspectors';
import { spotCheckRoutes } from './routes/spot-checks';
import { publicDrawRoutes } from './routes/public-draws';
import { noticeRoutes } from './routes/notices';
import { publicNoticeRoutes } from './routes/public-notices';
import type { AppInstance } from './app-types';
import { registerErrorHandling } from './errors';
import { healthRoutes } from './routes/health';
import { filingListRoutes } from './routes/filing-lists';
import { registryRoutes } from './routes/registry';

z.config(z.locales.zhCN());

export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}): Promise<AppInstance> {
  const fastify = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: deps.config.bodyLimitBytes,
    // Forwarded headers count only when the connection comes from a configured proxy (TRUSTED_PROXIES).
    trustProxy: deps.config.trustedProxies.length > 0 ? deps.config.trustedProxies : false,
    // Errors the router raises before any route or error handler runs (bad percent-encoding, an
    // over-long path parameter) get the same Chinese answer with a stable code as every other error.
    frameworkErrors: (error, _request, reply) => answerFrameworkError(error, reply as FastifyReply),
  }).withTypeProvider<ZodTypeProvider>();
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(responseSerializerCompiler);
  const app = fastify as unknown as AppInstance;
  app.decorate('deps', deps);
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  const hasWeb = existsSync(deps.config.webDistDir);
  registerErrorHandling(app, { spaFallback: hasWeb });

  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  // Uploads are streamed part by part (request.parts()); per-route code sets the size limit per slot.
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 40 } });
  // Limits are opted into per route (login, public endpoints); tests of other routes are not throttled.
  await app.register(fastifyRateLimit, { global: false });
  registerAccessControl(app, routeTable);
  registerInputGuard(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '湖南省职业技能等级认定监管系统 API', version: deps.config.version },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { public: true } } }, async () =>
    app.swagger(),
  );

  healthRoutes(app);
  authRoutes(app);
  dictionaryRoutes(app);
  registrationRoutes(app);
  organizationRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  securityRoutes(app);
  homeRoutes(app);
  filingRoutes(app);
  creditBlacklistRoutes(app);
  roundRoutes(app);
  applicationRoutes(app);
  verificationRoutes(app);
  expertRoutes(app);
  cityReviewRoutes(app);
  provinceReviewRoutes(app);
  inspectorRoutes(app);
  spotCheckRoutes(app);
  publicDrawRoutes(app);
  filingListRoutes(app);
  registryRoutes(app);
  noticeRoutes(app);
  publicNoticeRoutes(app);

  if (hasWeb) await app.register(fastifyStatic, { root: deps.config.webDistDir, wildcard: false });
  return app;
}
