/**
 * Lets Node run the TypeScript sources directly (`node --experimental-transform-types --import ./scripts/ts-resolve.ts`):
 * the sources import without extensions, as the bundler resolves them, so try `.ts` and `/index.ts` too.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!specifier.startsWith('.')) throw error;
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return next(specifier + suffix, context);
        } catch {
          // try the next one
        }
      }
      throw error;
    }
  },
});
