/**
 * The browser and its JavaScript engine, for run records (the engine's Math
 * functions decide the last bit of logarithms and exponentials: docs/web.md),
 * from the user-agent string; undefined outside a browser.
 * @example browserEngine() // "Chrome 156.0.0.0 (V8)"
 */
export function browserEngine(): string | undefined {
  const ua = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  if (!ua || ua.startsWith('Node.js')) return undefined;
  const known: Array<[RegExp, string, string]> = [
    [/Firefox\/([\d.]+)/, 'Firefox', 'SpiderMonkey'],
    [/Edg\/([\d.]+)/, 'Edge', 'V8'],
    [/Chrome\/([\d.]+)/, 'Chrome', 'V8'],
    [/Version\/([\d.]+).*Safari/, 'Safari', 'JavaScriptCore'],
  ];
  for (const [re, name, engine] of known) {
    const m = re.exec(ua);
    if (m) return `${name} ${m[1]} (${engine})`;
  }
  return ua;
}
