/**
 * Ed25519 signing keys for the four TUF roles, kept by headquarters in the keys folder (never in the
 * served repository). Public keys are written in TUF's hex form so any TUF client can verify them.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Key, Signature } from '@tufjs/models';
import { UserError } from '../app/errors';

export const TUF_ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const;
export type TufRole = (typeof TUF_ROLES)[number];

export interface RoleKey {
  role: TufRole;
  privateKey: KeyObject;
  tufKey: Key;
}

export function keyFileName(role: TufRole): string {
  return `${role}.ed25519.pem`;
}

/** The raw 32-byte Ed25519 public key, hex: the last 32 bytes of its SPKI DER encoding. */
function publicKeyHex(privateKey: KeyObject): string {
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('hex');
}

/** Sorted-key JSON; for the flat string-only key object this equals TUF's canonical JSON. */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
    .join(',')}}`;
}

export function tufKeyFor(privateKey: KeyObject): Key {
  const body = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: publicKeyHex(privateKey) } };
  // TUF key ids are the SHA-256 of the key's canonical JSON, so other TUF tools agree on them.
  const keyID = createHash('sha256').update(sortedJson(body)).digest('hex');
  return new Key({ keyID, keyType: body.keytype, scheme: body.scheme, keyVal: body.keyval });
}

export function generateRoleKey(role: TufRole): { pem: string; key: RoleKey } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { pem, key: { role, privateKey, tufKey: tufKeyFor(privateKey) } };
}

export function loadRoleKey(keysDir: string, role: TufRole): RoleKey {
  const file = join(keysDir, keyFileName(role));
  if (!existsSync(file)) {
    throw new UserError('sync_key_missing', `The ${role} signing key is missing (${file}). Run \`checkpoint sync keygen --out DIR\` first, or pass the right --keys folder.`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError('sync_key_unreadable', `The ${role} signing key (${file}) is not a readable PEM private key.`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new UserError('sync_key_unreadable', `The ${role} signing key (${file}) is not an Ed25519 key.`);
  }
  return { role, privateKey, tufKey: tufKeyFor(privateKey) };
}

/** A signer for `Metadata.sign`: Ed25519 over the canonical bytes @tufjs/models hands in. */
export function signerFor(key: RoleKey): (data: Buffer) => Signature {
  return (data: Buffer) => new Signature({ keyID: key.tufKey.keyID, sig: sign(null, data, key.privateKey).toString('hex') });
}
