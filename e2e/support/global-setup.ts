/** The browser walks get their own templates and "now" (see the API tests' global setup). */
export { default } from '../../apps/server/test/support/global-setup';
