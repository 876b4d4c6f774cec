import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * KaTeX's stylesheet offers every font as woff2, woff and ttf. Chromium takes the first, so the other two would
 * ship in the app (800 kB) and never be read: they are left out of the stylesheet, and so out of the build.
 */
function woff2Only(): Plugin {
  return {
    name: 'woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/].*\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\)/g, '');
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Document text extraction runs in a worker thread; DocumentExtractor loads out/main/documents-worker.js.
          'documents-worker': resolve('src/main/documents/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but Electron: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // The renderer ships react-markdown, KaTeX and the rest of the UI: minified, it loads and parses faster.
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // One file per language, fetched when it is first chosen (English is in the main bundle).
        output: { manualChunks: (id) => /locales\/([\w-]+)\/[\w-]+\.json$/.exec(id)?.[1]?.replace(/^/, 'locale-') },
      },
    },
    plugins: [react(), woff2Only()],
  },
});
