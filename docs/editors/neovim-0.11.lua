-- Neovim 0.11 and newer: the built-in client's own configuration, no plugin needed.
vim.lsp.config('finplan', {
  cmd = { 'finplan', 'server' },
  filetypes = { 'yaml' },
  root_markers = { 'finplan.toml', 'pyproject.toml', '.git' },
})
vim.lsp.enable('finplan')
