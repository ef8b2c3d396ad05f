/**
 * Text decoding of uploaded bytes. Chinese spreadsheet software (Excel with a
 * Chinese locale, WPS) exports "CSV" as GBK; newer tools write UTF-8, often
 * with a byte-order mark. The rule, never a silent guess:
 *
 * 1. A UTF-8 BOM (EF BB BF) → UTF-8, BOM removed, reported as `utf-8-bom`.
 * 2. A UTF-16 BOM (FF FE / FE FF) or NUL bytes → refused with a fix
 *    ("save as CSV UTF-8"), since neither UTF-8 nor GBK can hold them.
 * 3. Strict UTF-8 decode (fatal on any invalid sequence) → `utf-8`.
 * 4. Otherwise strict GB18030 decode (a superset of GBK and GB2312) → `gb18030`.
 * 5. If that fails too, a XinzhiError names the byte offset.
 *
 * Pure ECMAScript (TextDecoder), so it runs in the browser and in Node.
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Decode bytes as UTF-8 (with or without BOM) or, failing strict UTF-8, as GB18030 (GBK): utf8Bytes' rule, keeping the text. */
export function decodeText(bytes: Uint8Array, file?: string): { text: string; encoding: TextEncodingName } {
  let text: string | undefined;
  const r = utf8Bytes(bytes, file, { isUtf8: (b) => (text = fatalUtf8(b)) !== undefined });
  return { text: r.text ?? (text as string), encoding: r.encoding };
}

/** Strict UTF-8 check (Node passes buffer.isUtf8, which does not build the text). */
export type Utf8Check = (bytes: Uint8Array) => boolean;

/** Position of the first `byte` at or after `from`, or −1 (Node passes Buffer's indexOf, a memchr about ten times faster than TypedArray's). */
export type FindByte = (bytes: Uint8Array, byte: number, from?: number) => number;

/** The checks a reader of large files can pass in (defaults: pure ECMAScript). */
export interface ByteChecks {
  isUtf8?: Utf8Check;
  findByte?: FindByte;
}

/** The text of strict UTF-8 bytes, or undefined when they are not. */
function fatalUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const decodesAsUtf8: Utf8Check = (bytes) => fatalUtf8(bytes) !== undefined;

export const typedFindByte: FindByte = (bytes, byte, from) => bytes.indexOf(byte, from);

/**
 * The encoding rule (module comment) with the text as UTF-8 bytes (what the
 * CSV scan reads): UTF-8 bytes come back as they are (a view without the
 * BOM), GB18030 is decoded (`text`) and encoded as UTF-8. The default checks
 * decode (and drop) the text and search with TypedArray.indexOf.
 * @example utf8Bytes(bytes, 'firms.csv', { isUtf8 }).encoding // 'utf-8'
 */
export function utf8Bytes(
  bytes: Uint8Array,
  file?: string,
  { isUtf8 = decodesAsUtf8, findByte = typedFindByte }: ByteChecks = {},
): { bytes: Uint8Array; encoding: TextEncodingName; text?: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    if (!isUtf8(rest)) strictDecode('utf-8', rest, file); // throws, naming the offset
    return { bytes: rest, encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw utf16Problem(file);
  }
  const nul = findByte(bytes, 0);
  if (nul >= 0) throw nulProblem(nul, file);
  if (isUtf8(bytes)) return { bytes, encoding: 'utf-8' };
  const text = strictDecode('gb18030', bytes, file);
  return { bytes: new TextEncoder().encode(text), encoding: 'gb18030', text };
}

function utf16Problem(file?: string): XinzhiError {
  return new XinzhiError({
    code: 'encoding-utf16',
    severity: 'error',
    file,
    message: bi(
      '文件是 UTF-16 编码（Excel 的“Unicode 文本”），无法按 CSV 读取。',
      'The file is UTF-16 encoded (Excel "Unicode text"), which is not read as CSV.',
    ),
    fix: bi(
      '在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接提供 .xlsx 文件。',
      'In Excel, save as "CSV UTF-8 (Comma delimited)", or give the .xlsx file instead.',
    ),
  });
}

function nulProblem(nul: number, file?: string): XinzhiError {
  return new XinzhiError({
    code: 'encoding-binary',
    severity: 'error',
    file,
    message: bi(
      `文件在字节 ${nul} 处含有 NUL 字节，不是文本文件（可能是 UTF-16 或二进制文件）。`,
      `The file contains a NUL byte at offset ${nul}; it is not a text file (UTF-16 or binary?).`,
    ),
    fix: bi(
      '另存为“CSV UTF-8”，或将 .xlsx 文件以 .xlsx 扩展名提供。',
      'Save it as "CSV UTF-8", or give a workbook with the .xlsx extension.',
    ),
  });
}

function strictDecode(label: 'utf-8' | 'gb18030', bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidOffset(label, bytes);
    throw new XinzhiError({
      code: 'encoding-unknown',
      severity: 'error',
      file,
      message: bi(
        `文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030（约在字节 ${at} 处出错）。`,
        `The file is neither valid UTF-8 nor valid GBK/GB18030 (invalid bytes near offset ${at}).`,
      ),
      fix: bi(
        '用表格软件重新另存为“CSV UTF-8”或 .xlsx。',
        'Re-save the file as "CSV UTF-8" or as .xlsx from your spreadsheet program.',
      ),
    });
  }
}

/** Binary search for the shortest prefix that fails to decode (for the message only). */
function firstInvalidOffset(label: string, bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number): boolean => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
