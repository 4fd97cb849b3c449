/**
 * Security headers on every answer (API, the web UI's HTML and assets, the API docs), via helmet.
 *
 * Content-Security-Policy: scripts only from this origin (the built UI has no inline script); styles
 * from this origin plus 'unsafe-inline', because antd's CSS-in-JS writes <style> elements at run time
 * and the UI is static files, so there is no per-response nonce to hand it (see ARCHITECTURE.md); no
 * framing by anyone (frame-ancestors 'none', X-Frame-Options DENY); no plugins; forms and <base> to
 * this origin only. `upgrade-insecure-requests` is left out: a plain-HTTP demo on a LAN address would
 * break, and HTTPS deployments are pinned by Strict-Transport-Security instead.
 */
import fastifyHelmet from '@fastify/helmet';
import type { AppInstance } from './app-types';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export async function registerSecurityHeaders(app: AppInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
