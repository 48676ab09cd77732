/**
 * The protobuf wire format, as far as CloudBase's `wx.openApi` body needs it: varints
 * (wire type 0) and length-delimited fields (wire type 2); fixed32/fixed64 are skipped.
 * Written from the encoding spec (https://protobuf.dev/programming-guides/encoding/), not
 * shared with any caller, so the emulator reads bytes the way a protobuf runtime would.
 */

export type WireField = { no: number; wire: 0; varint: bigint } | { no: number; wire: 2; bytes: Buffer } | { no: number; wire: 1 | 5 };

export class WireError extends Error {}

/** Every field of one message, in order. Throws WireError on bytes that are not protobuf. */
export function readFields(buffer: Buffer): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  const varint = (): bigint => {
    let value = 0n;
    // A varint is at most ten bytes: seven bits each, low group first, high bit = more follows.
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (at >= buffer.length) throw new WireError('truncated varint');
      const byte = buffer[at++];
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
    throw new WireError('varint longer than ten bytes');
  };
  while (at < buffer.length) {
    const key = varint();
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (no === 0) throw new WireError('field number 0');
    if (wire === 0) fields.push({ no, wire, varint: varint() });
    else if (wire === 2) {
      const length = Number(varint());
      if (at + length > buffer.length) throw new WireError('truncated length-delimited field');
      fields.push({ no, wire, bytes: buffer.subarray(at, at + length) });
      at += length;
    } else if (wire === 1 || wire === 5) {
      at += wire === 1 ? 8 : 4;
      if (at > buffer.length) throw new WireError('truncated fixed-width field');
      fields.push({ no, wire });
    } else throw new WireError(`wire type ${wire} (groups) is not used by these messages`);
  }
  return fields;
}

/** int32 is carried as a 64-bit two's-complement varint: -1 takes ten bytes. */
export const int32Of = (value: bigint): number => Number(BigInt.asIntN(32, value));
export const uint32Of = (value: bigint): number => Number(BigInt.asUintN(32, value));

function varintBytes(value: bigint): Buffer {
  let rest = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return Buffer.from(bytes);
}

const key = (no: number, wire: 0 | 2): Buffer => varintBytes(BigInt((no << 3) | wire));

export const varintField = (no: number, value: number): Buffer => Buffer.concat([key(no, 0), varintBytes(BigInt(value))]);

export const bytesField = (no: number, bytes: Buffer): Buffer => Buffer.concat([key(no, 2), varintBytes(BigInt(bytes.length)), bytes]);

export const stringField = (no: number, text: string): Buffer => bytesField(no, Buffer.from(text, 'utf8'));
