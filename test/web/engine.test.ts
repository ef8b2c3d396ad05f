/**
 * The browser and engine named in a web run's record (web/engine.ts), from
 * user-agent strings of the main browsers; none outside a browser.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserEngine } from '../../src/adapters/web/engine.ts';

describe('browserEngine', () => {
  afterEach(() => vi.unstubAllGlobals());
  const cases: Array<[string, string]> = [
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      'Chrome 156.0.0.0 (V8)',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      'Edge 131.0.2903.86 (V8)',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128.0 (SpiderMonkey)'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari 17.5 (JavaScriptCore)',
    ],
    ['SomeBrowser/1.0', 'SomeBrowser/1.0'],
  ];
  it.each(cases)('%s', (ua, want) => {
    vi.stubGlobal('navigator', { userAgent: ua });
    expect(browserEngine()).toBe(want);
  });
  it('is undefined in Node', () => {
    vi.stubGlobal('navigator', undefined);
    expect(browserEngine()).toBeUndefined();
    vi.stubGlobal('navigator', { userAgent: 'Node.js/22' });
    expect(browserEngine()).toBeUndefined();
  });
});
