// Method dispatch: virtual calls on four classes, a getter and a method with an argument.
abstract class Shape:
  abstract area -> int
  abstract scale k/int -> int

class Square extends Shape:
  side/int
  constructor .side:
  area -> int: return side * side
  scale k/int -> int: return side * k

class Rect extends Shape:
  w/int
  h/int
  constructor .w .h:
  area -> int: return w * h
  scale k/int -> int: return (w + h) * k

class Triangle extends Shape:
  b/int
  h/int
  constructor .b .h:
  area -> int: return b * h / 2
  scale k/int -> int: return b * k + 1

class Circle extends Shape:
  r/int
  constructor .r:
  area -> int: return 3 * r * r
  scale k/int -> int: return r * k * 2

main:
  shapes := [Square 3, Rect 2 5, Triangle 4 6, Circle 2]
  sum := 0
  for i := 0; i < 2000000; i++:
    shape := shapes[i & 3]
    sum = (sum + shape.area + (shape.scale i)) & 0xFFFFFF
  print sum
