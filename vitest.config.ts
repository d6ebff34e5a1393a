import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.integration.test.ts'],
          environment: 'node',
          // A bound on a hang, not a speed target: on a shared, loaded CI machine spawning processes
          // and starting servers can take many times longer than on a quiet one.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Integration tests spawn CLI processes and servers; two cores, so keep them in one lane each.
          fileParallelism: false,
        },
      },
    ],
  },
});
