// ESLint rule `jiceng/boundaries`: imports go one way.
// - a server module reaches another module only through its index.ts;
// - platform code (shared by every module) never imports a module;
// - routes → service → repository, never back (routes never import repositories);
// - packages/contracts import nothing of ours; packages/rules only contracts; the web app only contracts.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rel = (abs) => path.relative(root, abs).split(path.sep).join('/');
const moduleOf = (p) => /^apps\/server\/src\/modules\/([^/]+)\//.exec(p)?.[1] ?? null;
const role = (p) => /\.(routes|service|repository)\.ts$/.exec(p)?.[1] ?? null;

function problem(from, source) {
  const target = source.startsWith('.') ? rel(path.resolve(path.dirname(path.join(root, from)), source)) : source;
  if (from.startsWith('packages/contracts/') && (target.startsWith('@jiceng/') || target.startsWith('apps/') || target.startsWith('packages/rules'))) {
    return 'contracts depend on nothing of ours';
  }
  if (from.startsWith('packages/rules/') && (target.startsWith('apps/') || target === '@jiceng/server' || /^(pg|drizzle-orm|fastify|@electric-sql\/)/.test(target))) {
    return 'rules are pure: no I/O and no apps';
  }
  if (from.startsWith('apps/web/') && (target.startsWith('apps/server') || target === '@jiceng/rules' || target === '@jiceng/server')) {
    return 'the web app shares only contracts with the server';
  }
  const fromMod = moduleOf(from);
  const toMod = moduleOf(target);
  if (fromMod && toMod && fromMod !== toMod && !target.endsWith('/index.ts')) {
    return `module "${fromMod}" must reach module "${toMod}" through its index.ts`;
  }
  if (from.startsWith('apps/server/src/platform/') && toMod) return 'platform code is shared by every module and never imports one';
  const fr = role(from);
  const tr = role(target);
  if (fr === 'routes' && tr === 'repository') return 'routes call services, never repositories';
  if (fr === 'repository' && (tr === 'service' || tr === 'routes')) return 'repositories hold SQL only and never call services or routes';
  if (fr === 'service' && tr === 'routes') return 'services never import routes';
  return null;
}

export default {
  rules: {
    boundaries: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = rel(context.filename);
        const check = (node) => {
          if (!node.source || typeof node.source.value !== 'string') return;
          const why = problem(from, node.source.value);
          if (why) context.report({ node, message: `Import boundary: ${why}.` });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: (n) => n.source.type === 'Literal' && check({ source: n.source, ...n }) };
      },
    },
  },
};
