import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (file: string) => decodeURIComponent(new URL(file, import.meta.url).pathname);

/**
 * Two entries: the admin app (index.html, served at `/` with a fallback for client routes) and the
 * mobile H5 page for members and residents (h5.html). `@jiceng/contracts` is TypeScript source
 * with `.ts` import specifiers; Vite compiles it like our own code.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: { main: here('./index.html'), h5: here('./h5.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
