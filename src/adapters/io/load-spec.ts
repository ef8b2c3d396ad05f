/**
 * Read an evaluation spec file: JSON (.json) or YAML (.yaml / .yml; any other
 * extension is tried as JSON, then YAML). Syntax errors name the file, line
 * and column. The content is validated later by spec-schema.ts (with the
 * data's columns at hand).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';

/** Limit on YAML alias expansions (the yaml library's maxAliasCount): a spec never needs more. */
export const MAX_YAML_ALIASES = 100;

/** Parse spec text (JSON or YAML by file name) into a plain value. */
export function parseSpecText(text: string, name: string): unknown {
  const file = basename(name);
  const isYaml = /\.ya?ml$/i.test(name);
  const src = text.replace(/^\uFEFF/, '');
  if (!isYaml) {
    try {
      return JSON.parse(src);
    } catch (e) {
      if (/\.json$/i.test(name)) {
        const msg = (e as Error).message;
        const pos = /position (\d+)/.exec(msg);
        let where = '';
        if (pos) {
          const before = src.slice(0, Number(pos[1]));
          const line = before.split('\n').length;
          where = ` (line ${line}, column ${Number(pos[1]) - before.lastIndexOf('\n')})`;
          throw new XinzhiError({
            code: 'spec-syntax',
            severity: 'error',
            file,
            row: line,
            message: bi(`JSON 语法错误${where}：${msg}`, `JSON syntax error${where}: ${msg}`),
            fix: bi('检查该行附近的逗号、引号和括号', 'check commas, quotes and brackets near that line'),
          });
        }
        throw new XinzhiError({
          code: 'spec-syntax',
          severity: 'error',
          file,
          message: bi(`JSON 语法错误：${msg}`, `JSON syntax error: ${msg}`),
          fix: bi('检查逗号、引号和括号', 'check commas, quotes and brackets'),
        });
      }
    }
  }
  try {
    return parseYaml(src, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const lp = e.linePos?.[0];
      throw new XinzhiError({
        code: 'spec-syntax',
        severity: 'error',
        file,
        ...(lp ? { row: lp.line } : {}),
        message: bi(`YAML 语法错误：${e.message}`, `YAML syntax error: ${e.message}`),
        fix: bi('检查缩进和冒号', 'check indentation and colons'),
      });
    }
    // the yaml library's own guards (an alias bomb, say) end here with its message, never a stack
    const alias = /alias/i.test((e as Error).message ?? '');
    throw new XinzhiError({
      code: alias ? 'spec-yaml-aliases' : 'spec-syntax',
      severity: 'error',
      file,
      message: alias
        ? bi(
            `YAML 中的别名（*引用）过多：超过 ${MAX_YAML_ALIASES} 个`,
            `the YAML uses too many aliases (* references): more than ${MAX_YAML_ALIASES}`,
          )
        : bi(`无法读取 YAML：${(e as Error).message}`, `cannot read the YAML: ${(e as Error).message}`),
      fix: alias
        ? bi('把重复的内容直接写出，不要层层引用', 'write repeated parts out instead of nesting references')
        : bi('检查 YAML 的写法，或改用 JSON', 'check the YAML, or write the spec as JSON'),
    });
  }
}

/** Read and parse a spec file (JSON or YAML); `option` names the flag that gave the path in the fix. */
export async function loadSpecFile(path: string, option = '--spec'): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new XinzhiError({
      code: 'spec-file',
      severity: 'error',
      file: path,
      message: bi(`无法读取文件（${err.code ?? err.message}）`, `cannot read the file (${err.code ?? err.message})`),
      fix: bi(`检查 ${option} 的路径`, `check the ${option} path`),
    });
  }
  return parseSpecText(text, path);
}
