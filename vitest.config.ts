import { configDefaults, defineConfig } from 'vitest/config';

/** Two projects: main, preload and shared code in Node; the window's code (store, features) in happy-dom. */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/renderer/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['src/renderer/src/testing/setup.ts'],
        },
      },
    ],
  },
});
