// Works out how to start the carbon-lsp language server from the user's settings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ServerSettings {
  /** carbon.server.path: an executable or a .dll; empty for the bundled server. */
  serverPath: string;
  /** carbon.server.dotnetPath: the dotnet host; empty to search PATH. */
  dotnetPath: string;
}

export interface ServerCommand {
  command: string;
  args: string[];
  /** What is started, for messages: the .dll or the executable. */
  serverFile: string;
  /** True when the server runs as a .dll under dotnet. */
  viaDotnet: boolean;
}

/** A reason the server cannot be started, worded for the user, with the fix. */
export class ServerSetupError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'ServerSetupError';
  }
}

export const BUNDLED_SERVER = path.join('server', 'carbon-lsp.dll');

const isWindows = process.platform === 'win32';

/** Expands a leading ~ and resolves a relative path against `base` (the first workspace folder). */
export function expandPath(p: string, base: string | undefined): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) {
    out = path.join(os.homedir(), out.slice(1));
  }
  if (!path.isAbsolute(out) && base) {
    out = path.join(base, out);
  }
  return path.normalize(out);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isExecutable(p: string): boolean {
  if (!isFile(p)) return false;
  if (isWindows) return true;
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds `dotnet` on PATH, then under DOTNET_ROOT, then in ~/.dotnet. */
export function findDotnet(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exe = isWindows ? 'dotnet.exe' : 'dotnet';
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((d) => d.length > 0);
  if (env.DOTNET_ROOT) dirs.push(env.DOTNET_ROOT);
  dirs.push(path.join(os.homedir(), '.dotnet'));
  for (const dir of dirs) {
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Resolves the command that starts the server, or throws a ServerSetupError that says
 * what is missing and how to fix it.
 */
export function resolveServerCommand(
  settings: ServerSettings,
  extensionPath: string,
  workspaceFolder: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ServerCommand {
  const configured = settings.serverPath.trim();
  const serverFile = configured
    ? expandPath(configured, workspaceFolder)
    : path.join(extensionPath, BUNDLED_SERVER);

  if (!isFile(serverFile)) {
    if (configured) {
      throw new ServerSetupError(
        `The Carbon language server was not found at "${serverFile}" (setting carbon.server.path).`,
        'Set carbon.server.path to the carbon-lsp executable or carbon-lsp.dll.',
      );
    }
    throw new ServerSetupError(
      `This build of the extension has no bundled language server (${serverFile} is missing).`,
      'Set carbon.server.path to a carbon-lsp executable or carbon-lsp.dll, or install a .vsix built '
        + 'with the server (npm run package).',
    );
  }

  if (serverFile.toLowerCase().endsWith('.dll')) {
    const dotnetSetting = settings.dotnetPath.trim();
    let dotnet: string | undefined;
    if (dotnetSetting) {
      dotnet = expandPath(dotnetSetting, workspaceFolder);
      if (!isExecutable(dotnet)) {
        throw new ServerSetupError(
          `The dotnet host set in carbon.server.dotnetPath ("${dotnet}") does not exist or cannot be run.`,
          'Install .NET 10 (https://dot.net) and fix carbon.server.dotnetPath, or clear it to use dotnet '
            + 'from PATH.',
        );
      }
    } else {
      dotnet = findDotnet(env);
      if (!dotnet) {
        throw new ServerSetupError(
          'The Carbon language server needs the .NET 10 runtime, but "dotnet" was not found on PATH.',
          'Install .NET 10 (https://dot.net), or set carbon.server.dotnetPath to the dotnet executable, '
            + 'or set carbon.server.path to a self-contained carbon-lsp executable.',
        );
      }
    }
    return { command: dotnet, args: [serverFile], serverFile, viaDotnet: true };
  }

  if (!isExecutable(serverFile)) {
    throw new ServerSetupError(
      `The Carbon language server at "${serverFile}" is not executable.`,
      'Make it executable (chmod +x) or set carbon.server.path to carbon-lsp.dll.',
    );
  }
  return { command: serverFile, args: [], serverFile, viaDotnet: false };
}
