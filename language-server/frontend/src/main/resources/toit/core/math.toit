// Mathematical constants and functions (library module `math`).
PI ::= 3.141592653589793
E ::= 2.718281828459045

sqrt x/num -> float: return #primitive.math.sqrt
pow x/num y/num -> float: return #primitive.math.pow
sin x/num -> float: return #primitive.math.sin
cos x/num -> float: return #primitive.math.cos
tan x/num -> float: return #primitive.math.tan
atan2 y/num x/num -> float: return #primitive.math.atan2
log x/num -> float: return #primitive.math.log
exp x/num -> float: return #primitive.math.exp

// The rest of the SDK's `math`: logarithm constants, inverse and hyperbolic functions, Point3f.
LN2 ::= 0.6931471805599453
LN10 ::= 2.302585092994046
LOG2E ::= 1.4426950408889634
LOG10E ::= 0.4342944819032518
SQRT1-2 ::= 0.7071067811865476
SQRT2 ::= 1.4142135623730951

asin x/num -> float: return #primitive.math.asin
acos x/num -> float: return #primitive.math.acos
atan x/num -> float: return #primitive.math.atan
sinh x/num -> float: return #primitive.math.sinh
cosh x/num -> float: return #primitive.math.cosh
tanh x/num -> float: return #primitive.math.tanh
/// The base-`n` logarithm of `x`.
log x/num n/num -> float: return (log x) / (log n)

/// An immutable point in three dimensions.
class Point3f:
  x/float
  y/float
  z/float
  constructor x/num y/num z/num:
    this.x = x.to-float
    this.y = y.to-float
    this.z = z.to-float
  length -> float: return sqrt x * x + y * y + z * z
  abs -> Point3f: return Point3f x.abs y.abs z.abs
  operator + other/Point3f -> Point3f: return Point3f (x + other.x) (y + other.y) (z + other.z)
  operator - other/Point3f -> Point3f: return Point3f (x - other.x) (y - other.y) (z - other.z)
  operator - -> Point3f: return Point3f -x -y -z
  operator * other -> Point3f: return other is Point3f ? Point3f (x * other.x) (y * other.y) (z * other.z) : Point3f (x * other) (y * other) (z * other)
  operator / other -> Point3f: return other is Point3f ? Point3f (x / other.x) (y / other.y) (z / other.z) : Point3f (x / other) (y / other) (z / other)
  stringify -> string: return "x=$(%7.3f x) y=$(%7.3f y) z=$(%7.3f z)"
