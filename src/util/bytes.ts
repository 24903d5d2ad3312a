import { createHash } from 'node:crypto';
import { generatedBytes, type GeneratedSpec } from './generated-input.js';

// Conversion between raw bytes and the Bytes form used in cases: plain text when it is valid UTF-8.
export type BytesValue = string | { base64: string };
// Input bytes as cases hold them: literal, or generated from a recipe.
export type InputBytesValue = BytesValue | { generate: GeneratedSpec };
// Expected bytes as cases hold them: literal, or the digest of large ones.
export type DigestValue = { sha256: string; size: number; head: BytesValue; tail: BytesValue };
export type ExpectedBytesValue = BytesValue | DigestValue;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function toBytesValue(buf: Uint8Array): BytesValue {
  try {
    return strictUtf8.decode(buf);
  } catch {
    return { base64: Buffer.from(buf).toString('base64') };
  }
}

export function fromBytesValue(value: BytesValue): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.base64, 'base64');
}

// Whether input bytes are a recipe rather than the bytes themselves.
export function isGenerated(value: unknown): value is { generate: GeneratedSpec } {
  return typeof value === 'object' && value !== null && 'generate' in value;
}

// The bytes a case feeds a program.
export function inputBytes(value: InputBytesValue): Buffer {
  return isGenerated(value) ? generatedBytes(value.generate) : fromBytesValue(value);
}

export function isDigest(value: ExpectedBytesValue): value is DigestValue {
  return typeof value === 'object' && 'sha256' in value;
}

// Bytes kept at each end of a digest.
const DIGEST_ENDS = 512;

// The digest form of large expected bytes.
export function digestOf(bytes: Buffer): DigestValue {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    head: toBytesValue(bytes.subarray(0, Math.min(DIGEST_ENDS, bytes.length))),
    tail: toBytesValue(bytes.subarray(Math.max(0, bytes.length - DIGEST_ENDS))),
  };
}

// Whether bytes are the ones a digest describes.
export function matchesDigest(digest: DigestValue, bytes: Buffer): boolean {
  return bytes.length === digest.size && createHash('sha256').update(bytes).digest('hex') === digest.sha256;
}

// Expected bytes to show a person: the bytes, or the head of a digest.
export function shownBytes(value: ExpectedBytesValue): Buffer {
  return fromBytesValue(isDigest(value) ? value.head : value);
}
