// Conversion between raw bytes and the Bytes form used in cases: plain text when it is valid UTF-8.
export type BytesValue = string | { base64: string };

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
