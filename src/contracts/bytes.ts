import { z } from 'zod';

// Bytes as stored in cases and results: UTF-8 text as a plain string, anything else as base64.
export const BytesSchema = z.union([
  z.string(),
  z.object({ base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }).strict(),
]);
export type Bytes = z.infer<typeof BytesSchema>;

// The kinds of generated input (src/util/generated-input.ts). Each kind's bytes are part of the suite
// format: a kind is never changed, only added.
export const GENERATED_KINDS = ['lines', 'text', 'numbers', 'csv', 'words', 'binary', 'invalid-utf8', 'long-line'] as const;

// The most bytes one generated input may have.
export const MAX_GENERATED_BYTES = 16 * 1024 * 1024;

// Input made by a fixed recipe from a seed, so a suite can hold megabyte inputs in a few bytes.
export const GeneratedBytesSchema = z
  .object({
    generate: z
      .object({
        kind: z.enum(GENERATED_KINDS),
        bytes: z.number().int().min(0).max(MAX_GENERATED_BYTES),
        seed: z.number().int().min(0).max(2 ** 31),
      })
      .strict(),
  })
  .strict();
export type GeneratedBytes = z.infer<typeof GeneratedBytesSchema>;

// What a case feeds a program (stdin, files): literal bytes or generated ones.
export const InputBytesSchema = z.union([BytesSchema, GeneratedBytesSchema]);
export type InputBytes = z.infer<typeof InputBytesSchema>;

// Expected output too large to keep in a suite: its SHA-256 and size, with both ends kept so a
// failure still shows where the outputs part.
export const DigestBytesSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
    size: z.number().int().min(0),
    head: BytesSchema,
    tail: BytesSchema,
  })
  .strict();
export type DigestBytes = z.infer<typeof DigestBytesSchema>;

// What a case expects of a stream or file: the bytes, or the digest of large ones.
export const ExpectedBytesSchema = z.union([BytesSchema, DigestBytesSchema]);
export type ExpectedBytes = z.infer<typeof ExpectedBytesSchema>;
