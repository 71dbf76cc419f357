-- Loops: nested counting loops with small-integer arithmetic, comparisons and bit operations.
local sum = 0
for i = 0, 9999 do
  for j = 0, 999 do
    sum = (sum + (i ~ j) + (j & 7)) & 0xFFFFFF
  end
end
print(sum)
