-- Allocation and GC: many short-lived objects, then a growing list of objects that stay alive.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec:plus(other) return Vec.new(self.x + other.x, self.y + other.y) end

local acc = Vec.new(0, 0)
for i = 0, 999999 do
  acc = acc:plus(Vec.new(i & 15, 1))
end
local list = {}
for i = 0, 199999 do
  list[#list + 1] = Vec.new(i, i & 7)
end
local sum = 0
for _, v in ipairs(list) do sum = (sum + v.x + v.y) & 0xFFFFFF end
print(acc.x + acc.y + sum + #list)
