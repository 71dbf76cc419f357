-- Method dispatch: method calls through metatables on four classes, a getter and a method with
-- an argument.
local function class()
  local c = {}
  c.__index = c
  return c
end

local Square = class()
function Square.new(side) return setmetatable({side = side}, Square) end
function Square:area() return self.side * self.side end
function Square:scale(k) return self.side * k end

local Rect = class()
function Rect.new(w, h) return setmetatable({w = w, h = h}, Rect) end
function Rect:area() return self.w * self.h end
function Rect:scale(k) return (self.w + self.h) * k end

local Triangle = class()
function Triangle.new(b, h) return setmetatable({b = b, h = h}, Triangle) end
function Triangle:area() return self.b * self.h // 2 end
function Triangle:scale(k) return self.b * k + 1 end

local Circle = class()
function Circle.new(r) return setmetatable({r = r}, Circle) end
function Circle:area() return 3 * self.r * self.r end
function Circle:scale(k) return self.r * k * 2 end

local shapes = {Square.new(3), Rect.new(2, 5), Triangle.new(4, 6), Circle.new(2)}
local sum = 0
for i = 0, 1999999 do
  local shape = shapes[(i & 3) + 1]
  sum = (sum + shape:area() + shape:scale(i)) & 0xFFFFFF
end
print(sum)
