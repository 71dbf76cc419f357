// Integers and floats. The VM computes `+ - * / % < <= > >= == & | ^ << >> >>>` on numbers
// itself (docs/bytecode.md, operators); the operator methods here run only when the other operand
// is not a number, and say so.

/// Integers and floats.
abstract class num:
  operator + other -> num: return wrong-operand_ "+" other
  operator - other -> num: return wrong-operand_ "-" other
  operator * other -> num: return wrong-operand_ "*" other
  operator / other -> num: return wrong-operand_ "/" other
  operator % other -> num: return wrong-operand_ "%" other
  operator < other -> bool: return wrong-operand_ "<" other
  operator <= other -> bool: return wrong-operand_ "<=" other
  operator > other -> bool: return wrong-operand_ ">" other
  operator >= other -> bool: return wrong-operand_ ">=" other
  operator - -> num: return wrong-operand_ "-" null

  abs -> num:
    return this < 0 ? -this : this

  sign -> int:
    if this < 0: return -1
    if this > 0: return 1
    return 0

  min other/num -> num:
    return this <= other ? this : other

  max other/num -> num:
    return this >= other ? this : other

  to-int -> int:
    #primitive.core.float-to-int

  to-float -> float:
    #primitive.core.int-to-float

  stringify -> string:
    #primitive.core.stringify

wrong-operand_ operator/string other/any -> any:
  throw "WRONG_OBJECT_TYPE: cannot apply '$operator' to $other"
  return null

/// 64-bit integers.
abstract class int extends num:
  operator & other -> int: return wrong-operand_ "&" other
  operator | other -> int: return wrong-operand_ "|" other
  operator ^ other -> int: return wrong-operand_ "^" other
  operator << other -> int: return wrong-operand_ "<<" other
  operator >> other -> int: return wrong-operand_ ">>" other
  operator >>> other -> int: return wrong-operand_ ">>>" other
  operator ~ -> int: return -1 - this

  to-int -> int:
    return this

  hash-code -> int:
    return this

  is-even -> bool:
    return this & 1 == 0

  is-odd -> bool:
    return this & 1 == 1

  /// Calls $block with 0, 1, ..., this - 1.
  repeat [block] -> none:
    i := 0
    while i < this:
      block.call i
      i++

  /// Calls $block with every integer from this up to, not including, $to.
  upto to/int [block] -> none:
    i := this
    while i < to:
      block.call i
      i++

  /// The text of this integer in base $radix (2 to 36).
  stringify radix/int -> string:
    if radix == 10: return stringify
    if not 2 <= radix <= 36: throw "OUT_OF_RANGE: radix $radix"
    if this == 0: return "0"
    digits := "0123456789abcdefghijklmnopqrstuvwxyz"
    negative := this < 0
    n := this
    result := ""
    while n != 0:
      d := n % radix
      if d < 0: d = -d
      result = digits[d..d + 1] + result
      n = n / radix
    return negative ? "-" + result : result

class SmallInteger_ extends int:

/// 64-bit floating point numbers.
class float extends num:
  to-int -> int:
    #primitive.core.float-to-int

  to-float -> float:
    return this

  floor -> float:
    #primitive.core.float-floor

  ceil -> float:
    f := floor
    return f == this ? f : f + 1.0

  round -> int:
    return (this + 0.5).floor.to-int

  sqrt -> float:
    #primitive.core.float-sqrt

  is-nan -> bool:
    return this != this

  hash-code -> int:
    return is-nan ? 0 : (floor == this ? to-int : identity-hash_ this)

  /// The text of this number with $digits decimals.
  stringify digits/int -> string:
    #primitive.core.stringify-float

/// Integer square root helpers and constants.
PI ::= 3.141592653589793
E ::= 2.718281828459045

sqrt x/num -> float:
  return x.to-float.sqrt
