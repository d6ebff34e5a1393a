import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'frontdesk/layers').map((m) => m.message);
}

describe('the layer rules of DESIGN.md, enforced by lint', () => {
  it.each([
    ['src/main/core/tenants/x.ts', "import { app } from 'electron';", /only src\/main\/electron and src\/preload may import electron/],
    ['src/main/server/x.ts', "import { app } from 'electron';", /only src\/main\/electron/],
    ['src/shared/lib/x.ts', "import { readFile } from 'node:fs';", /must not import Node built-ins/],
    ['src/renderer/x.ts', "import path from 'path';", /must not import Node built-ins/],
    ['src/main/core/scheduling/x.ts', "import { readFile } from 'node:fs';", /core may import only node:crypto/],
    ['src/main/core/scheduling/x.ts', "import { TenantService } from '../tenants/tenant-service.js';", /only through its index.ts/],
    ['src/main/core/scheduling/x.ts', "import { openDatabase } from '../../infra/db/database.js';", /core must not import main\/infra/],
    ['src/shared/contract/x.ts', "import { createApp } from '../../main/app/index.js';", /src\/shared may import only src\/shared/],
    ['src/renderer/x.ts', "import { createApp } from '../main/app/index.js';", /the renderer may import only/],
    ['src/main/server/x.ts', "import { TenantService } from '../core/tenants/tenant-service.js';", /only through its index.ts/],
  ])('refuses in %s: %s', async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it.each([
    ['src/main/electron/x.ts', "import { app } from 'electron';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['src/main/core/scheduling/x.ts', "import { randomUUID } from 'node:crypto';"],
    ['src/main/core/scheduling/x.ts', "import { TenantService } from '../tenants/index.js';"],
    ['src/main/core/scheduling/engine/x.ts', "import { y } from '../bookings.js';"],
    ['src/main/core/scheduling/x.ts', "import { z } from '../../../shared/contract/index.js';"],
    ['src/main/infra/x.ts', "import { readFile } from 'node:fs';"],
    ['src/renderer/x.ts', "import { commands } from '../shared/contract/index.js';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
