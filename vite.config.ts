import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

/** The web app: built from src/adapters/web into dist/web, served as static files. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/adapters/web', import.meta.url)),
  base: './',
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  server: { fs: { allow: ['..', '../..', '../../..'] } },
});
