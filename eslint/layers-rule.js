// The import rules of DESIGN.md as one ESLint rule, so a violation fails CI instead of relying on memory.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

/** Which room of the house a file lives in, from its path relative to the repo root. */
export function layerOf(relativeFile) {
  const p = relativeFile.split(path.sep).join('/');
  let m;
  if (p.startsWith('src/shared/')) return { layer: 'shared' };
  if (p.startsWith('src/renderer/')) return { layer: 'renderer' };
  if (p.startsWith('src/preload/')) return { layer: 'preload' };
  if ((m = /^src\/main\/core\/([^/]+)\//.exec(p))) return { layer: 'core', domain: m[1] };
  if ((m = /^src\/main\/([^/]+)\//.exec(p))) return { layer: `main/${m[1]}` };
  return { layer: 'other' };
}

function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
}

/** Returns a message when `from` (a file) may not import `spec`, else null. */
export function checkImport(root, fromFile, spec) {
  const from = layerOf(path.relative(root, fromFile));
  const isElectron = spec === 'electron' || spec.startsWith('electron/');
  if (isElectron && !(from.layer === 'main/electron' || from.layer === 'preload')) {
    return 'only src/main/electron and src/preload may import electron';
  }
  if (isNodeBuiltin(spec)) {
    if (from.layer === 'shared' || from.layer === 'renderer') return `${from.layer} code must not import Node built-ins (${spec})`;
    if (from.layer === 'core' && spec !== 'node:crypto') return `core may import only node:crypto of Node's built-ins, not ${spec}; reach the world through a port`;
    return null;
  }
  if (!spec.startsWith('.')) return null;

  const target = layerOf(path.relative(root, path.resolve(path.dirname(fromFile), spec)));
  const targetPath = path.relative(root, path.resolve(path.dirname(fromFile), spec)).split(path.sep).join('/');
  switch (from.layer) {
    case 'shared':
      return target.layer === 'shared' ? null : 'src/shared may import only src/shared';
    case 'renderer':
      return target.layer === 'renderer' || target.layer === 'shared' ? null : 'the renderer may import only src/renderer and src/shared';
    case 'preload':
      return target.layer === 'preload' || target.layer === 'shared' ? null : 'the preload may import only src/preload and src/shared';
    case 'core': {
      if (target.layer === 'shared') return null;
      if (target.layer !== 'core') return `core must not import ${target.layer}; depend on a port instead`;
      if (target.domain === from.domain) return null;
      const isIndex = new RegExp(`^src/main/core/${target.domain}/index(\\.js|\\.ts)?$`).test(targetPath);
      return isIndex ? null : `core/${from.domain} may import core/${target.domain} only through its index.ts`;
    }
    default:
      if (from.layer.startsWith('main/') && target.layer === 'core') {
        const isIndex = new RegExp(`^src/main/core/${target.domain}/index(\\.js|\\.ts)?$`).test(targetPath);
        return isIndex ? null : `outside core, import core/${target.domain} only through its index.ts`;
      }
      if (from.layer.startsWith('main/') && (target.layer === 'renderer' || target.layer === 'preload')) {
        return `main code must not import ${target.layer}`;
      }
      if (from.layer.startsWith('main/') && from.layer !== 'main/electron' && target.layer === 'main/electron') {
        return 'only the desktop host imports src/main/electron';
      }
      return null;
  }
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer and domain import rules of DESIGN.md' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const message = checkImport(root, context.filename, spec);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
