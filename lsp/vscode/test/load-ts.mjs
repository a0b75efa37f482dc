// Compiles one of the extension's TypeScript modules (that does not import vscode) with esbuild, in
// memory, and imports it, so node --test can test it without a build step.
import { buildSync } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function loadTs(relativePath) {
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [relativePath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
