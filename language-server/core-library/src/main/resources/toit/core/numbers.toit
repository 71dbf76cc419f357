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

  /// -1, 0 or 1 as this is less than, equal to or greater than $other. As in the SDK, NaN is
  /// greater than every other number and -0.0 less than 0.0.
  compare-to other/num -> int:
    if this < other: return -1
    if this > other: return 1
    if this == other:
      if this == 0 and (other is float or this is float): return zero-sign-compare_ this other
      return 0
    this-nan := this is float and this != this
    other-nan := other is float and other != other
    if this-nan and other-nan: return 0
    return this-nan ? 1 : -1

  /// Like $(compare-to other), but calls $if-equal when the two are equal.
  compare-to other/num [--if-equal] -> int:
    result := compare-to other
    return result == 0 ? if-equal.call : result

  sqrt -> float:
    return to-float.sqrt

  to-int -> int:
    #primitive.core.float-to-int

  to-float -> float:
    #primitive.core.int-to-float

  stringify -> string:
    #primitive.core.stringify

// -0.0 orders before 0.0: the sign bit tells them apart.
zero-sign-compare_ a/num b/num -> int:
  a-negative := a is float and a.bits < 0
  b-negative := b is float and b.bits < 0
  if a-negative == b-negative: return 0
  return a-negative ? -1 : 1

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

  /// The text of this integer in base $radix (2 to 36); negative numbers get a '-'.
  to-string --radix/int=10 -> string:
    return stringify radix

  /// The text of this integer read as an unsigned 64-bit number.
  to-string --uint64/True -> string:
    if this >= 0: return stringify
    // Halve first (unsigned), so the division stays in range.
    high := (this >>> 1) / 5
    return "$high$(this - high * 10)"

  /// The number of 0 bits above the highest 1 bit (64 for 0).
  count-leading-zeros -> int:
    if this < 0: return 0
    count := 64
    n := this
    while n != 0:
      n >>= 1
      count--
    return count

  /// The number of 0 bits below the lowest 1 bit (64 for 0).
  count-trailing-zeros -> int:
    if this == 0: return 64
    count := 0
    n := this
    while n & 1 == 0:
      n >>>= 1
      count++
    return count

  /// The number of 1 bits of the 64-bit two's complement.
  population-count -> int:
    count := 0
    n := this
    while n != 0:
      count += n & 1
      n >>>= 1
    return count

  /// 1 when the number of 1 bits is odd, else 0.
  parity -> int:
    return population-count & 1

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

  is-finite -> bool:
    return this == this and this - this == 0.0

  /// The 64 bits of this number in IEEE 754 binary64, as an int.
  bits -> int:
    if this != this: return 0x7ff8_0000_0000_0000
    negative := this < 0.0 or (this == 0.0 and 1.0 / this < 0.0)
    sign := negative ? MIN-INT64_ : 0
    x := negative ? -this : this
    if x == 0.0: return sign
    if x - x != 0.0: return sign | 0x7ff0_0000_0000_0000
    // Scale into [1, 2): multiplying by powers of two is exact.
    exponent := 0
    while x >= 2.0:
      x /= 2.0
      exponent++
    while x < 1.0 and exponent > -1022:
      x *= 2.0
      exponent--
    if x < 1.0:  // subnormal: the exponent field is 0, no hidden bit
      return sign | (x * 4503599627370496.0).to-int
    return sign | ((exponent + 1023) << 52) | ((x - 1.0) * 4503599627370496.0).to-int

  /// The number whose IEEE 754 binary64 bits are $bits.
  static from-bits bits/int -> float:
    exponent := (bits >> 52) & 0x7ff
    mantissa := bits & 0xf_ffff_ffff_ffff
    value := ?
    if exponent == 0x7ff:
      value = mantissa == 0 ? 1.0 / 0.0 : 0.0 / 0.0
    else if exponent == 0:
      value = mantissa.to-float / 4503599627370496.0 * (power-of-two_ -1022)
    else:
      value = (1.0 + mantissa.to-float / 4503599627370496.0) * (power-of-two_ exponent - 1023)
    return bits < 0 ? -value : value

  /// The 32 bits of this number rounded to IEEE 754 binary32 (to nearest, ties to even).
  bits32 -> int:
    b := bits
    sign := (b >>> 63) << 31
    exponent := (b >> 52) & 0x7ff
    mantissa := b & 0xf_ffff_ffff_ffff
    if exponent == 0x7ff: return sign | (mantissa == 0 ? 0x7f80_0000 : 0x7fc0_0000)
    if exponent == 0: return sign  // zero, or too small for binary32
    e := exponent - 1023
    if e > 127: return sign | 0x7f80_0000
    significand := mantissa | (1 << 52)
    if e >= -126:
      rounded := round-shift_ significand 29
      if rounded >= (1 << 24):
        rounded >>= 1
        e++
      if e > 127: return sign | 0x7f80_0000
      return sign | ((e + 127) << 23) | (rounded & 0x7f_ffff)
    shift := 29 + (-126 - e)
    if shift > 54: return sign
    // A subnormal; rounding up to 1 << 23 gives the smallest normal, as the encoding wants.
    return sign | (round-shift_ significand shift)

  /// The number whose IEEE 754 binary32 bits are $bits.
  static from-bits32 bits/int -> float:
    exponent := (bits >> 23) & 0xff
    mantissa := bits & 0x7f_ffff
    value := ?
    if exponent == 0xff:
      value = mantissa == 0 ? 1.0 / 0.0 : 0.0 / 0.0
    else if exponent == 0:
      value = mantissa.to-float * (power-of-two_ -149)
    else:
      value = (1.0 + mantissa.to-float / 8388608.0) * (power-of-two_ exponent - 127)
    return (bits >> 31) & 1 == 1 ? -value : value

  // $value >> $shift, rounded to nearest, ties to even.
  static round-shift_ value/int shift/int -> int:
    result := value >> shift
    rest := value & ((1 << shift) - 1)
    half := 1 << (shift - 1)
    if rest > half or (rest == half and result & 1 == 1): result++
    return result

  static power-of-two_ exponent/int -> float:
    result := 1.0
    if exponent >= 0:
      exponent.repeat: result *= 2.0
    else:
      (-exponent).repeat: result /= 2.0
    return result

  hash-code -> int:
    return is-nan ? 0 : (floor == this ? to-int : identity-hash_ this)

  /// The text of this number with $digits decimals.
  stringify digits/int -> string:
    #primitive.core.stringify-float

MIN-INT64_ ::= -9223372036854775807 - 1

/// Integer square root helpers and constants.
PI ::= 3.141592653589793
E ::= 2.718281828459045

sqrt x/num -> float:
  return x.to-float.sqrt
