/**
 * Variable names as the system-dynamics tools compare them: case does not
 * matter, runs of spaces and underscores are one separator, quotes are not
 * part of the name, and XMILE's `\n` inside a name is a space (XMILE 1.0
 * §3.2.2; Vensim treats spaces and underscores alike).
 *
 * @example canonicalName('"Teacup Temperature"') // 'teacup_temperature'
 */
export function canonicalName(name: string): string {
  return name
    .replace(/\\n/g, ' ')
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
}
