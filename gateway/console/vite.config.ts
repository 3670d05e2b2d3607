/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Maven passes the gateway's static resources (target/classes/static) as CONSOLE_OUT_DIR; the
// default is the same place, for `npm run build` by hand.
const outDir = process.env.CONSOLE_OUT_DIR ?? fileURLToPath(new URL('../target/classes/static', import.meta.url))

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: the components a template uses (and their CSS), ElMessage & co.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts' }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n's bundler flags: Composition API only, no devtools in production
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir,
    emptyOutDir: true,
  },
  server: {
    // `npm run dev`: the API, Swagger and the login settings from a gateway on :8080
    proxy: { '/api': 'http://localhost:8080', '/v3': 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
