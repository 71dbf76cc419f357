// Strings (UTF-8, immutable, indexed by byte) and byte arrays.

/// Immutable UTF-8 text. Indexing and sizes count bytes.
abstract class string:
  /// The size in bytes.
  size -> int:
    #primitive.core.string-size

  is-empty -> bool:
    return size == 0

  /// The byte at $index.
  operator [] index/int -> int:
    #primitive.core.string-at

  /// The bytes from $from to, not including, $to: `s[1..3]`, `s[2..]`.
  operator [..] --from/int=0 --to/int=size -> string:
    #primitive.core.string-slice

  operator + other/string -> string:
    #primitive.core.string-concat

  operator == other -> bool:
    if other is not string: return false
    return (compare_ this other) == 0

  operator < other/string -> bool: return (compare_ this other) < 0
  operator <= other/string -> bool: return (compare_ this other) <= 0
  operator > other/string -> bool: return (compare_ this other) > 0
  operator >= other/string -> bool: return (compare_ this other) >= 0

  /// This string repeated $count times.
  operator * count/int -> string:
    result := ""
    count.repeat: result += this
    return result

  compare-to other/string -> int:
    return compare_ this other

  hash-code -> int:
    #primitive.core.string-hash

  stringify -> string:
    return this

  /// The byte offset of the first $needle at or after $from, or -1.
  index-of needle/string from/int=0 -> int:
    last := size - needle.size
    for i := from; i <= last; i++:
      if matches_ needle i: return i
    return -1

  contains needle/string -> bool:
    return (index-of needle) >= 0

  starts-with prefix/string -> bool:
    return prefix.size <= size and (matches_ prefix 0)

  ends-with suffix/string -> bool:
    return suffix.size <= size and (matches_ suffix size - suffix.size)

  matches_ needle/string at/int -> bool:
    needle.size.repeat:
      if this[at + it] != needle[it]: return false
    return true

  /// The parts between occurrences of $separator.
  split separator/string -> List:
    if separator.is-empty: throw "INVALID_ARGUMENT: empty separator"
    result := []
    start := 0
    while true:
      at := index-of separator start
      if at < 0:
        result.add this[start..]
        return result
      result.add this[start..at]
      start = at + separator.size

  /// This string without leading and trailing spaces, tabs and newlines.
  trim -> string:
    from := 0
    to := size
    while from < to and (is-space_ this[from]): from++
    while to > from and (is-space_ this[to - 1]): to--
    return this[from..to]

  is-space_ c/int -> bool:
    return c == ' ' or c == '\t' or c == '\n' or c == '\r'

  to-upper -> string:
    return map-bytes_: it >= 'a' and it <= 'z' ? it - 32 : it

  to-lower -> string:
    return map-bytes_: it >= 'A' and it <= 'Z' ? it + 32 : it

  map-bytes_ [block] -> string:
    bytes := to-byte-array
    bytes.size.repeat: bytes[it] = block.call bytes[it]
    return bytes.to-string

  /// The integer this string spells (optionally signed, base 10), or throws.
  to-int -> int:
    if is-empty: throw "INVALID_ARGUMENT: empty string is not an integer"
    negative := this[0] == '-'
    i := (negative or this[0] == '+') ? 1 : 0
    if i == size: throw "INVALID_ARGUMENT: '$this' is not an integer"
    result := 0
    while i < size:
      c := this[i]
      if c == '_' and i > 0:
        i++
        continue
      if c < '0' or c > '9': throw "INVALID_ARGUMENT: '$this' is not an integer"
      result = result * 10 + (c - '0')
      i++
    return negative ? -result : result

  to-byte-array -> ByteArray:
    return ByteArray.wrap_ (string-to-bytes_ this)

  /// Calls $block with every byte.
  do [block] -> none:
    size.repeat: block.call this[it]

class String_ extends string:

compare_ a/string b/string -> int:
  #primitive.core.string-compare

string-to-bytes_ s/string -> any:
  #primitive.core.string-to-bytes

/// Formats $value as the interpolation `$(%spec value)` asks: flags `-` and `0`, a width, a
/// precision, and one of `d` `f` `s` `x` `o` `b` `c`.
string-format_ spec/string value/any -> string:
  left := false
  zero := false
  i := 0
  while i < spec.size and (spec[i] == '-' or spec[i] == '0'):
    if spec[i] == '-': left = true
    else: zero = true
    i++
  width := 0
  while i < spec.size and '0' <= spec[i] <= '9':
    width = width * 10 + spec[i] - '0'
    i++
  precision := -1
  if i < spec.size and spec[i] == '.':
    i++
    precision = 0
    while i < spec.size and '0' <= spec[i] <= '9':
      precision = precision * 10 + spec[i] - '0'
      i++
  kind := i < spec.size ? spec[i] : 's'
  text := ?
  if kind == 'd': text = value.to-int.stringify
  else if kind == 'f': text = value.to-float.stringify (precision < 0 ? 6 : precision)
  else if kind == 'x': text = value.stringify 16
  else if kind == 'o': text = value.stringify 8
  else if kind == 'b': text = value.stringify 2
  else if kind == 'c': text = (ByteArray 1 --filler=value).to-string
  else: text = value.stringify
  if text.size >= width: return text
  padding := (zero and not left ? "0" : " ") * (width - text.size)
  if left: return text + padding
  if zero and text.starts-with "-": return "-" + padding + text[1..]
  return padding + text

/// A fixed-size array of bytes.
class ByteArray:
  bytes_ := ?

  constructor size/int --filler/int=0:
    bytes_ = bytes-new_ size
    if filler != 0: size.repeat: bytes-at-put_ bytes_ it filler

  constructor.wrap_ .bytes_:

  size -> int:
    return bytes-size_ bytes_

  is-empty -> bool:
    return size == 0

  operator [] index/int -> int:
    return bytes-at_ bytes_ index

  operator []= index/int value/int -> int:
    return bytes-at-put_ bytes_ index value

  operator [..] --from/int=0 --to/int=size -> ByteArray:
    result := ByteArray to - from
    (to - from).repeat: result[it] = this[from + it]
    return result

  to-string from/int=0 to/int=size -> string:
    return string-from-bytes_ bytes_ from to

  do [block] -> none:
    size.repeat: block.call this[it]

  stringify -> string:
    result := "#["
    size.repeat:
      if it > 0: result += ", "
      result += this[it].stringify
    return result + "]"

class ByteArray_:

bytes-new_ size/int -> any:
  #primitive.core.bytes-new
bytes-size_ bytes -> int:
  #primitive.core.bytes-size
bytes-at_ bytes index/int -> int:
  #primitive.core.bytes-at
bytes-at-put_ bytes index/int value/int -> int:
  #primitive.core.bytes-at-put
string-from-bytes_ bytes from/int to/int -> string:
  #primitive.core.string-from-bytes
