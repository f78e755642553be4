-- With nvim-lspconfig, which has no entry for finplan: register one, then set it up.
local configs = require('lspconfig.configs')
if not configs.finplan then
  configs.finplan = {
    default_config = {
      cmd = { 'finplan', 'server' },
      filetypes = { 'yaml' },
      root_dir = require('lspconfig.util').root_pattern('finplan.toml', 'pyproject.toml', '.git'),
      single_file_support = true,
    },
  }
end
require('lspconfig').finplan.setup({})
