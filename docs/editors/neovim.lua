-- finplan's language server in every YAML buffer, with Neovim's built-in client.
-- Works from Neovim 0.7 (Debian 12's) on: put it in init.lua, or dofile() it from there.
local config = { name = 'finplan', cmd = { 'finplan', 'server' } }

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    -- One server for the whole session: it finds each plan's finplan.toml itself,
    -- and says nothing about YAML files that are not plans.
    config.root_dir = vim.fn.getcwd()
    if vim.lsp.start then -- Neovim 0.8 and newer reuse the running client by its name
      vim.lsp.start(config, { bufnr = args.buf })
    else -- Neovim 0.7: start the client once, attach each YAML buffer to it
      vim.g.finplan_client = vim.g.finplan_client or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, vim.g.finplan_client)
    end
  end,
})
