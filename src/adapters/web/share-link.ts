/**
 * A shareable link: the view and the indicator system (spec) in the URL's
 * hash as deflate-compressed base64url JSON, e.g. `#results?s=…`. Data never
 * goes into the link: the recipient's app uses the embedded panel, or asks
 * for the same file when the spec's columns are not in it.
 *
 * @example await decodeSpec(await encodeSpec(spec)) // the same spec
 */
import type { Spec } from '../../core/measure/spec.ts';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export async function encodeSpec(spec: Spec): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(spec)), new CompressionStream('deflate-raw')));
}

/** The spec of a link, or undefined when the text is not one (a broken or truncated link). */
export async function decodeSpec(text: string): Promise<Spec | undefined> {
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw')));
    const spec = JSON.parse(json) as Spec;
    return spec && typeof spec === 'object' && Array.isArray(spec.indicators) ? spec : undefined;
  } catch {
    return undefined;
  }
}

/** The view and the encoded spec of a location hash such as "#results?s=…". */
export function parseHash(hash: string): { view: string; spec?: string } {
  const [view, query = ''] = hash.replace(/^#/, '').split('?');
  const s = new URLSearchParams(query).get('s');
  return { view: view ?? '', ...(s ? { spec: s } : {}) };
}
