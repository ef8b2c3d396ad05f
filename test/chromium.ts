/**
 * Debian's Chromium for the browser tests and benchmarks: its path and the
 * flags it needs on a machine without a network (no background connections,
 * no QUIC) and as root (no sandbox).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
