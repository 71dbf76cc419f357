// Classes, constructors, fields, inheritance, virtual calls, getters, setters, operators, statics.
class Point:
  x/int
  y/int := 0
  static count := 0

  constructor .x --.y=0:
    count++

  constructor.origin:
    x = 0
    count++

  operator + other/Point -> Point:
    return Point (x + other.x) --y=(y + other.y)

  length-squared -> int:
    return x * x + y * y

  stringify -> string:
    return "($x, $y)"

abstract class Shape:
  abstract area -> num
  describe -> string:
    return "$name with area $area"
  name -> string: return "shape"

class Square extends Shape:
  side/int
  constructor .side:
  area -> num: return side * side
  name -> string: return "square"

class Circle extends Shape:
  r/float
  constructor .r:
  area -> num: return 3 * r * r

class Counter:
  value_ := 0
  value -> int: return value_
  value= v/int: value_ = v * 10

main:
  p := Point 3 --y=4
  print p                              // expect: (3, 4)
  print p.length-squared               // expect: 25
  q := p + (Point 1)
  print q                              // expect: (4, 4)
  print Point.origin                   // expect: (0, 0)
  print Point.count                    // expect: 4
  shapes := [Square 3, Circle 1.0]
  shapes.do: print it.describe
  // expect: square with area 9
  // expect: shape with area 3.0
  c := Counter
  c.value = 4
  print c.value                        // expect: 40
  print (p is Point)                   // expect: true
  print (p is Shape)                   // expect: false
