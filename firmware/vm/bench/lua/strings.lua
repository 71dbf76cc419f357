-- String building: interpolation and concatenation into growing strings.
local total = 0
for j = 0, 19999 do
  local s = ""
  for i = 0, 99 do
    s = s .. i .. ","
  end
  total = total + #s + s:byte(j % #s + 1)
end
print(total)
