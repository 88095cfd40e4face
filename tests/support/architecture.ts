import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/** A source file of the app, with its path relative to the repository root (forward slashes). */
export type ProjectFile = { path: string; text: string };

const ROOT = join(import.meta.dirname, "..", "..");
const SOURCE_DIRS = ["app", "components", "lib", "sandbox"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts"];

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
}

export function projectFiles(root = ROOT): ProjectFile[] {
  const paths: string[] = [];
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir), paths);
  for (const file of ROOT_FILES) if (existsSync(join(root, file))) paths.push(join(root, file));
  return paths.map((full) => ({
    path: relative(root, full).split("\\").join("/"),
    text: readFileSync(full, "utf8"),
  }));
}

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** `@/x` and relative specifiers to a repository path; packages stay as they are. */
function resolve(from: string, specifier: string, exists: (path: string) => boolean): string {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = join(dirname(from), specifier).split("\\").join("/");
  else return specifier;
  if (exists(base)) return base;
  for (const ext of EXTENSIONS) if (exists(base + ext)) return base + ext;
  return base;
}

const isTypeOnly = (node: ts.ImportDeclaration): boolean => {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import such as "server-only" runs code
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    !clause.name &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
};

/** What a file imports at run time (type-only imports are erased, so they are left out). */
export function runtimeSpecifiers(file: ProjectFile): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !isTypeOnly(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const known = new Set<string>();
const onDisk = (path: string) => {
  if (known.has(path)) return true;
  const hit = existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile();
  if (hit) known.add(path);
  return hit;
};

/** Repository paths (or package names) this file imports at run time. */
export function importsOf(file: ProjectFile, exists: (path: string) => boolean = onDisk): string[] {
  return runtimeSpecifiers(file).map((s) => resolve(file.path, s, exists));
}

const directive = (file: ProjectFile, name: string) =>
  new RegExp(`^(\\s*//[^\\n]*\\n|\\s*/\\*[\\s\\S]*?\\*/)*\\s*["']${name}["']`).test(file.text);

export const isClientFile = (file: ProjectFile) => directive(file, "use client");
export const isServerActionFile = (file: ProjectFile) => directive(file, "use server");
const isServerOnly = (file: ProjectFile) => /^import\s+["']server-only["']/m.test(file.text);
const isServerOnlyPath = (path: string) => path.startsWith("lib/db/") || path === "lib/env.ts";

/**
 * The server-side modules a client component pulls into the browser bundle, as import chains. A
 * 'use server' file is a boundary: the client gets references to its actions, not its code.
 */
export function clientReach(start: ProjectFile, files: ProjectFile[]): string[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const exists = (path: string) => byPath.has(path) || onDisk(path);
  const leaks: string[] = [];
  const seen = new Set([start.path]);
  const queue: { file: ProjectFile; chain: string[] }[] = [{ file: start, chain: [start.path] }];
  while (queue.length > 0) {
    const { file, chain } = queue.shift() as { file: ProjectFile; chain: string[] };
    for (const to of importsOf(file, exists)) {
      if (seen.has(to)) continue;
      seen.add(to);
      const next = byPath.get(to);
      if (isServerOnlyPath(to) || (next && isServerOnly(next))) leaks.push([...chain, to].join(" → "));
      else if (next && !isServerActionFile(next)) queue.push({ file: next, chain: [...chain, to] });
    }
  }
  return leaks;
}

/** Exports of a 'use server' file, and whether each is a defineAction (lib/auth/action.ts). */
export function serverActionExports(file: ProjectFile): { where: string; wrapped: boolean }[] {
  if (!isServerActionFile(file)) return [];
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false);
  const out: { where: string; wrapped: boolean }[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text ?? "default";
      out.push({ where: `${file.path}: ${name}`, wrapped: PUBLIC_ACTIONS.has(`${file.path}#${name}`) });
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer;
        const wrapped =
          !!init &&
          ts.isCallExpression(init) &&
          ts.isIdentifier(init.expression) &&
          init.expression.text === "defineAction";
        out.push({ where: `${file.path}: ${decl.name.getText(source)}`, wrapped });
      }
    }
  }
  return out;
}

/** Actions that run before anyone is signed in, on purpose. */
const PUBLIC_ACTIONS = new Set([
  // Starts the OIDC flow: nobody is signed in yet.
  "app/signin/actions.ts#signInWithSso",
  // Ends the caller's own sessions, whoever they are (signed out already: nothing happens).
  "components/app/sign-out.ts#signOutAction",
]);

/** Route handlers that answer anyone, on purpose, and why. */
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts": "liveness probe: says only that the process answers",
  "app/api/ready/route.ts": "readiness probe: database and jobs, no data",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js's own sign-in endpoints",
  // A browser coming back from Sendoso: signed out, it is sent to sign-in (a redirect, not a 401).
  "app/api/sendoso/oauth/callback/route.ts": "session checked with currentUser, redirecting to sign-in",
};

const GUARDS: [string, RegExp][] = [
  ["session", /\buserRoute\(/],
  ["cron secret", /\bcronRoute\(/],
  ["webhook signature", /\bverifySendosoWebhook\(/],
];

/** How a route handler checks its caller, or null when it does not. */
export function routeHandlerGuard(file: ProjectFile): string | null {
  const listed = PUBLIC_ROUTES[file.path];
  if (listed) return `public: ${listed}`;
  return GUARDS.find(([, pattern]) => pattern.test(file.text))?.[0] ?? null;
}
