// finplan's language server for YAML files in VS Code: `finplan server` must be on PATH.
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate() {
  client = new LanguageClient(
    'finplan',
    'finplan',
    { command: 'finplan', args: ['server'] },
    { documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }] },
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
