/**
 * The project file (*.xinzhi.json): data + spec + language + column roles,
 * enough to reopen the same state. Format (version 1):
 *   { "xinzhi": "project", "version": 1, "lang": "zh" | "en",
 *     "data": { "name": "file.csv", "encoding": "utf-8" | "base64", "content": "..." },
 *     "roles": { "unit": "Province", "time": "Year", "labels": [...] },
 *     "spec": { ...the spec as edited (docs/measurement.md) } }
 */
import type { Lang } from '../../core/i18n.ts';
import type { Spec } from '../../core/measure/spec.ts';
import type { Roles } from './session.ts';
import type { DataFile } from './store.ts';

export interface ProjectFile {
  xinzhi: 'project';
  version: 1;
  lang: Lang;
  data: DataFile;
  roles?: Roles;
  spec: Spec;
}

export function toProject(p: { lang: Lang; data: DataFile; roles?: Roles; spec: Spec }): ProjectFile {
  return {
    xinzhi: 'project',
    version: 1,
    lang: p.lang,
    data: p.data,
    ...(p.roles ? { roles: p.roles } : {}),
    spec: p.spec,
  };
}

/** Parse a project file; returns an error text (English / Chinese) when it is not one. */
export function parseProject(text: string): { project?: ProjectFile; error?: { zh: string; en: string } } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      error: { zh: `JSON 语法错误：${(e as Error).message}`, en: `JSON syntax error: ${(e as Error).message}` },
    };
  }
  const d = doc as Partial<ProjectFile>;
  if (d?.xinzhi !== 'project' || d.version !== 1)
    return {
      error: { zh: '缺少 "xinzhi": "project" 与 "version": 1', en: 'missing "xinzhi": "project" and "version": 1' },
    };
  if (
    !d.data ||
    typeof d.data.name !== 'string' ||
    typeof d.data.content !== 'string' ||
    (d.data.encoding !== 'utf-8' && d.data.encoding !== 'base64')
  )
    return { error: { zh: 'data 字段无效', en: 'invalid "data" field' } };
  if (!d.spec || typeof d.spec !== 'object') return { error: { zh: '缺少 spec', en: 'missing "spec"' } };
  return {
    project: {
      xinzhi: 'project',
      version: 1,
      lang: d.lang === 'en' ? 'en' : 'zh',
      data: d.data,
      ...(d.roles ? { roles: d.roles } : {}),
      spec: d.spec,
    },
  };
}

/** Bytes of a project's data. */
export function dataBytes(f: DataFile): Uint8Array {
  if (f.encoding === 'utf-8') return new TextEncoder().encode(f.content);
  const bin = atob(f.content);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Keep a file's bytes as UTF-8 text when they are valid UTF-8 text formats, else base64. */
export function dataFile(name: string, bytes: Uint8Array, embedded = false): DataFile {
  if (/\.(csv|tsv|txt|json)$/i.test(name)) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { name, encoding: 'utf-8', content: text, ...(embedded ? { embedded } : {}) };
    } catch {
      /* not UTF-8: base64 */
    }
  }
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name, encoding: 'base64', content: btoa(bin), ...(embedded ? { embedded } : {}) };
}
