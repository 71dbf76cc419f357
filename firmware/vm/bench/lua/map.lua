-- Map operations: inserts, updates and lookups with integer and string keys.
local m = {}
local count = 0
for i = 0, 199999 do
  local k = (i * 7919) % 200003
  if m[k] == nil then count = count + 1 end
  m[k] = i
end
local sum = 0
for i = 0, 999999 do
  local v = m[i % 250000]
  if v ~= nil then sum = (sum + v) & 0xFFFFFF end
end
local names = {}
local names_count = 0
for i = 0, 99999 do
  local key = "k" .. (i % 5000)
  local old = names[key]
  if old == nil then names_count = names_count + 1; old = 0 end
  names[key] = old + i
end
for k, v in pairs(names) do sum = (sum + v + #k) & 0xFFFFFF end
print(sum + count + names_count)
