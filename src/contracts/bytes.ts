import { z } from 'zod';

// Bytes as stored in cases and results: UTF-8 text as a plain string, anything else as base64.
export const BytesSchema = z.union([
  z.string(),
  z.object({ base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }).strict(),
]);
export type Bytes = z.infer<typeof BytesSchema>;
