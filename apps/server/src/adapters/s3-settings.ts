/**
 * S3-compatible object storage settings from the environment: `S3_BUCKET` selects the adapter, with
 * `S3_ENDPOINT` (empty → AWS), `S3_REGION`, `S3_ACCESS_KEY_ID` / `S3_SECRET_ACCESS_KEY` (empty → the SDK's
 * default credential chain), `S3_FORCE_PATH_STYLE` (MinIO and most self-hosted servers need it) and
 * `S3_PREFIX` (the folder inside the bucket; the orphan sweep never looks outside it).
 */
export interface S3Settings {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  prefix: string;
}

export function s3SettingsFrom(env: NodeJS.ProcessEnv): S3Settings | undefined {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return undefined;
  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined;
  if (!accessKeyId !== !secretAccessKey)
    throw new Error('S3_ACCESS_KEY_ID 与 S3_SECRET_ACCESS_KEY 须同时设置（或都不设置，使用默认凭据链）');
  const prefix = (env.S3_PREFIX ?? 'files/').replace(/^\/+/, '');
  return {
    bucket,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? ''),
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
  };
}
