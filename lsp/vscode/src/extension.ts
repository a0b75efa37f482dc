// VS Code client for the Carbon footprint language server (carbon-lsp).
import * as cp from 'node:child_process';
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  RequestType,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { renderMarkdown, escapeHtml } from './markdown';
import { ServerCommand, ServerSetupError, resolveServerCommand } from './serverCommand';

export const LANGUAGE_ID = 'carbon-footprint';
const CLIENT_ID = 'carbon'; // so that the setting carbon.trace.server drives the client's tracing
const OPEN_SETTINGS = 'Open Settings';
const SHOW_OUTPUT = 'Show Output';

type InlineEstimates = 'inlayHints' | 'codeLens' | 'off';

interface TextDocumentParams {
  textDocument: { uri: string };
}
interface ReportParams extends TextDocumentParams {
  format: 'markdown';
}
interface ContentResult {
  content: string;
}

/** The custom requests the server implements (the contract with lsp/Carbon.LanguageServer). */
const ReportRequest = new RequestType<ReportParams, ContentResult, void>('carbon/report');
const GeneratedCSharpRequest = new RequestType<TextDocumentParams, ContentResult, void>('carbon/generatedCSharp');

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel;
let statusItem: vscode.LanguageStatusItem;
let restartCount = 0;
const reportPanels = new Map<string, vscode.WebviewPanel>();

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('carbon');
}

function inlineEstimates(): InlineEstimates {
  const value = config().get<string>('inlineEstimates', 'inlayHints');
  return value === 'codeLens' || value === 'off' ? value : 'inlayHints';
}

function firstWorkspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function setStatus(text: string, severity: vscode.LanguageStatusSeverity, detail?: string): void {
  statusItem.text = text;
  statusItem.severity = severity;
  statusItem.detail = detail;
}

async function showServerError(reason: string, fix: string): Promise<void> {
  setStatus('Carbon server: not running', vscode.LanguageStatusSeverity.Error, reason);
  outputChannel.appendLine(`[error] ${reason} ${fix}`);
  const choice = await vscode.window.showErrorMessage(`${reason} ${fix}`, OPEN_SETTINGS, SHOW_OUTPUT);
  if (choice === OPEN_SETTINGS) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'carbon.server');
  } else if (choice === SHOW_OUTPUT) {
    outputChannel.show(true);
  }
}

/** After the server exited: explain why when it can be told (e.g. the .NET 10 runtime is missing). */
function diagnoseCrash(command: ServerCommand): { reason: string; fix: string } {
  const fallback = {
    reason: `The Carbon language server (${command.serverFile}) stopped unexpectedly.`,
    fix: 'See the "Carbon footprint" output for its messages; install .NET 10 or set carbon.server.path.',
  };
  if (!command.viaDotnet) return fallback;
  try {
    const runtimes = cp.execFileSync(command.command, ['--list-runtimes'], { encoding: 'utf8', timeout: 10_000 });
    if (!/Microsoft\.NETCore\.App 10\./.test(runtimes)) {
      return {
        reason: `The Carbon language server needs the .NET 10 runtime, which ${command.command} does not have.`,
        fix: 'Install .NET 10 (https://dot.net), or set carbon.server.dotnetPath to a dotnet that has it, '
          + 'or set carbon.server.path to a self-contained carbon-lsp executable.',
      };
    }
  } catch (err) {
    return {
      reason: `The dotnet host ${command.command} could not be run (${String(err)}).`,
      fix: 'Install .NET 10 (https://dot.net) or set carbon.server.dotnetPath.',
    };
  }
  return fallback;
}

function createClient(command: ServerCommand): LanguageClient {
  const executable = { command: command.command, args: command.args, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  let crashes = 0;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      // Sends workspace/didChangeConfiguration with { settings: { carbon: {...} } } on every change.
      configurationSection: 'carbon',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.carbon'),
    },
    initializationOptions: () => ({ inlineEstimates: inlineEstimates() }),
    outputChannel,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        crashes++;
        if (crashes <= 3) {
          outputChannel.appendLine(`[warn] the language server exited; restarting (${crashes}/3)`);
          return { action: CloseAction.Restart, handled: true };
        }
        const { reason, fix } = diagnoseCrash(command);
        void showServerError(reason, fix);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  return new LanguageClient(CLIENT_ID, 'Carbon footprint language server', serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  let command: ServerCommand;
  try {
    command = resolveServerCommand(
      {
        serverPath: config().get<string>('server.path', ''),
        dotnetPath: config().get<string>('server.dotnetPath', ''),
      },
      context.extensionPath,
      firstWorkspaceFolder(),
    );
  } catch (err) {
    if (err instanceof ServerSetupError) {
      await showServerError(err.message, err.fix);
    } else {
      await showServerError(`The Carbon language server could not be set up: ${String(err)}.`, '');
    }
    return;
  }

  outputChannel.appendLine(`[info] starting ${command.command} ${command.args.join(' ')}`);
  setStatus('Carbon server: starting', vscode.LanguageStatusSeverity.Information, command.serverFile);
  const started = createClient(command);
  client = started;
  started.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      setStatus('Carbon server: running', vscode.LanguageStatusSeverity.Information, command.serverFile);
    } else if (e.newState === State.Stopped) {
      setStatus('Carbon server: stopped', vscode.LanguageStatusSeverity.Warning, command.serverFile);
    }
  });
  try {
    await started.start();
  } catch (err) {
    client = undefined;
    const { reason, fix } = diagnoseCrash(command);
    await showServerError(`${reason} (${err instanceof Error ? err.message : String(err)})`, fix);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (err) {
      outputChannel.appendLine(`[warn] stopping the server: ${String(err)}`);
    }
  }
}

/** The .carbon document the user means: the active editor's, or the one shown beside a report. */
function targetDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri instanceof vscode.Uri) {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID);
  return visible?.document;
}

async function requireClient(): Promise<LanguageClient | undefined> {
  if (client?.isRunning()) return client;
  await showServerError('The Carbon language server is not running.', 'Install .NET 10 or set carbon.server.path.');
  return undefined;
}

async function request<P, R>(type: RequestType<P, R, void>, params: P, what: string): Promise<R | undefined> {
  const c = await requireClient();
  if (!c) return undefined;
  try {
    return await c.sendRequest(type, params);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(`Carbon: ${what} failed: ${message}`);
    return undefined;
  }
}

function reportHtml(webview: vscode.Webview, title: string, markdown: string): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
         color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.5; }
  h1, h2, h3 { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; }
  table { border-collapse: collapse; margin: .8em 0; }
  th, td { border: 1px solid var(--vscode-panel-border); padding: .25em .7em; }
  th { background: var(--vscode-editor-inactiveSelectionBackground); }
  td { font-variant-numeric: tabular-nums; }
  code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  pre { background: var(--vscode-textCodeBlock-background); padding: .6em .8em; overflow-x: auto; }
  blockquote { border-left: 3px solid var(--vscode-textBlockQuote-border); margin: 0; padding-left: 1em; }
  .link { text-decoration: underline dotted; }
  .align-left { text-align: left; } .align-right { text-align: right; } .align-center { text-align: center; }
  li.depth-1 { margin-left: 2ch; } li.depth-2 { margin-left: 4ch; }
  li.depth-3 { margin-left: 6ch; } li.depth-4 { margin-left: 8ch; }
</style>
</head>
<body>
${renderMarkdown(markdown)}
</body>
</html>`;
}

async function showReport(uri?: vscode.Uri): Promise<void> {
  const doc = targetDocument(uri);
  if (!doc) {
    void vscode.window.showInformationMessage('Carbon: open a .carbon file to see its footprint report.');
    return;
  }
  const key = doc.uri.toString();
  const result = await request(
    ReportRequest,
    { textDocument: { uri: key }, format: 'markdown' },
    'the footprint report',
  );
  if (!result) return;
  const name = doc.uri.path.split('/').pop() ?? 'report';
  const title = `Footprint: ${name}`;
  let panel = reportPanels.get(key);
  if (!panel) {
    panel = vscode.window.createWebviewPanel(
      'carbon.report',
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableCommandUris: false, localResourceRoots: [] },
    );
    reportPanels.set(key, panel);
    panel.onDidDispose(() => reportPanels.delete(key));
  } else {
    panel.reveal(vscode.ViewColumn.Beside, true);
  }
  panel.webview.html = reportHtml(panel.webview, title, result.content);
}

async function refreshReport(doc: vscode.TextDocument): Promise<void> {
  const panel = reportPanels.get(doc.uri.toString());
  if (!panel || !client?.isRunning()) return;
  try {
    const result = await client.sendRequest(ReportRequest, {
      textDocument: { uri: doc.uri.toString() },
      format: 'markdown',
    });
    panel.webview.html = reportHtml(panel.webview, panel.title, result.content);
  } catch (err) {
    outputChannel.appendLine(`[warn] refreshing the report: ${String(err)}`);
  }
}

async function showGeneratedCSharp(uri?: vscode.Uri): Promise<void> {
  const doc = targetDocument(uri);
  if (!doc) {
    void vscode.window.showInformationMessage('Carbon: open a .carbon file to see the C# generated for it.');
    return;
  }
  const result = await request(
    GeneratedCSharpRequest,
    { textDocument: { uri: doc.uri.toString() } },
    'generating C#',
  );
  if (!result) return;
  const csharp = await vscode.workspace.openTextDocument({ language: 'csharp', content: result.content });
  await vscode.window.showTextDocument(csharp, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel('Carbon footprint');
  statusItem = vscode.languages.createLanguageStatusItem('carbon.server', { language: LANGUAGE_ID });
  statusItem.name = 'Carbon language server';
  statusItem.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['carbon.'] };
  context.subscriptions.push(outputChannel, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('carbon.showReport', (uri?: vscode.Uri) => showReport(uri)),
    vscode.commands.registerCommand('carbon.showGeneratedCSharp', (uri?: vscode.Uri) => showGeneratedCSharp(uri)),
    vscode.commands.registerCommand('carbon.restartServer', async () => {
      restartCount++;
      outputChannel.appendLine(`[info] restart requested (${restartCount})`);
      await stopClient();
      await startClient(context);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.languageId === LANGUAGE_ID) void refreshReport(doc);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('carbon.server')) {
        const choice = await vscode.window.showInformationMessage(
          'Carbon: the language server settings changed. Restart the server?',
          'Restart',
        );
        if (choice === 'Restart') await vscode.commands.executeCommand('carbon.restartServer');
      }
      // carbon.inlineEstimates reaches the server through workspace/didChangeConfiguration
      // (synchronize.configurationSection); nothing else to do here.
    }),
  );

  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
