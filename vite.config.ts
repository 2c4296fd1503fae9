import { defineConfig } from 'vite';

/** The explorer client: built into dist/client and served by the API server at `/`. */
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    minify: process.env.ENTENTE_NO_MINIFY !== '1',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` },
  },
});
