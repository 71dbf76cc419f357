// Allocation and GC: many short-lived objects, then a growing list of objects that stay alive.
class Vec:
  x/int
  y/int
  constructor .x .y:
  plus other/Vec -> Vec: return Vec (x + other.x) (y + other.y)

main:
  acc := Vec 0 0
  for i := 0; i < 1000000; i++:
    acc = acc.plus (Vec (i & 15) 1)
  list := []
  for i := 0; i < 200000; i++:
    list.add (Vec i (i & 7))
  sum := 0
  list.do: sum = (sum + it.x + it.y) & 0xFFFFFF
  print acc.x + acc.y + sum + list.size
