-- Run by tests/test_server_neovim.py in `nvim --headless --clean`: loads the recipe of
-- docs/editors.md, opens a plan, changes its total as a user would, and writes the
-- diagnostics Neovim then holds for the buffer as JSON. Every wait is bounded.
local plan, out, recipe = os.getenv('FINPLAN_PLAN'), os.getenv('FINPLAN_OUT'), os.getenv('FINPLAN_RECIPE')
local WAIT_MS = 20000

local function found(buf)
  local all = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(all, {
      line = d.lnum, col = d.col, end_col = d.end_col, code = d.code,
      severity = vim.diagnostic.severity[d.severity], source = d.source, message = d.message,
    })
  end
  return all
end

local function has(buf, code)
  for _, d in ipairs(found(buf)) do
    if code == nil or d.code == code then return true end
  end
  return false
end

local function drive()
  dofile(recipe)
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local buf = vim.api.nvim_get_current_buf()
  -- The first diagnostics (the plan's warnings) say the server runs and has checked the plan.
  local opened = vim.wait(WAIT_MS, function() return has(buf, nil) end, 20)
  local before = found(buf)
  local total
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:match('^total:') then total = index - 1 end
  end
  vim.api.nvim_buf_set_lines(buf, total, total + 1, false, { 'total: 40 000 000' })
  local edited = vim.wait(WAIT_MS, function() return has(buf, 'FP101') end, 20)
  return { version = vim.version(), opened = opened, before = before, edited = edited, diagnostics = found(buf) }
end

local ok, result = pcall(drive)
local file = assert(io.open(out, 'w'))
file:write(vim.fn.json_encode(ok and result or { error = tostring(result) }))
file:close()
vim.cmd('qall!')
