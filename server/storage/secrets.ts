import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Connection config values at rest: AES-256-GCM with a key from the environment
 * (`ERP_SYNC_SECRET_KEY`, any string; its SHA-256 is the key). Each value gets its own nonce.
 */
export class Secrets {
  private readonly key: Buffer;
  constructor(secret: string) {
    if (!secret) throw new Error('ERP_SYNC_SECRET_KEY is empty');
    this.key = createHash('sha256').update(secret).digest();
  }

  encrypt(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join('.');
  }

  decrypt<T>(text: string): T {
    const [version, iv, tag, data] = text.split('.');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('Not an encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')) as T;
  }
}
