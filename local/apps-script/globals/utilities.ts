import { createHash, createHmac, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { enumOf, type ScriptContext, strict } from './script-context';

export const toSignedBytes = (buffer: Buffer): number[] =>
  [...buffer].map((byte) => (byte > 127 ? byte - 256 : byte));
const fromBytesOrString = (value: unknown): Buffer => {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (Array.isArray(value)) return Buffer.from(value.map((byte) => Number(byte) & 0xff));
  throw new Error('expected a string or a byte array');
};

const digestNames: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
/** Utilities: computed in the worker itself; nothing here needs the host. */
export const Utilities = (ctx: ScriptContext) =>
  strict(ctx.services, 'Utilities', {
    DigestAlgorithm: enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'),
    Charset: enumOf('US_ASCII', 'UTF_8'),
    sleep: (milliseconds: number) => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(milliseconds)));
    },
    getUuid: () => randomUUID(),
    formatDate: (date: { getTime(): number }, timeZone: string, format: string) => {
      const time = DateTime.fromMillis(date.getTime(), { zone: String(timeZone) });
      if (!time.isValid) throw ctx.fail(`Invalid argument: timeZone (${timeZone})`);
      // Java's SimpleDateFormat and luxon share the usual letters (yyyy MM dd HH mm ss, 'quoted').
      return time.toFormat(String(format).replace(/Z+/g, 'ZZZ').replace(/X+/g, 'ZZ'));
    },
    base64Encode: (data: unknown) => fromBytesOrString(data).toString('base64'),
    base64EncodeWebSafe: (data: unknown) =>
      fromBytesOrString(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (text: string) => toSignedBytes(Buffer.from(String(text), 'base64')),
    base64DecodeWebSafe: (text: string) => toSignedBytes(Buffer.from(String(text), 'base64url')),
    computeDigest: (algorithm: string, value: unknown) => {
      const name = digestNames[String(algorithm)];
      if (name === undefined) throw ctx.fail(`Invalid argument: algorithm (${algorithm})`);
      return toSignedBytes(createHash(name).update(fromBytesOrString(value)).digest());
    },
    computeHmacSha256Signature: (value: unknown, key: unknown) =>
      toSignedBytes(createHmac('sha256', fromBytesOrString(key)).update(fromBytesOrString(value)).digest()),
  });
