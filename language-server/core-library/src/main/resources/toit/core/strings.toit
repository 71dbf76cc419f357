// Strings (UTF-8, immutable, indexed by byte) and byte arrays.

/// Immutable UTF-8 text. Indexing and sizes count bytes.
abstract class string:
  /// The UTF-8 text of the one code point $rune.
  constructor.from-rune rune/int:
    return (utf-8-bytes_ [rune]).to-string

  /// The UTF-8 text of the code points in $runes.
  constructor.from-runes runes/List:
    return (utf-8-bytes_ runes).to-string

  /// The size in bytes.
  size -> int:
    #primitive.core.string-size

  is-empty -> bool:
    return size == 0

  /// The byte at $index.
  operator [] index/int -> int:
    #primitive.core.string-at

  /// The byte at $index (the SDK's spelling for the raw UTF-8 byte).
  at --raw/bool index/int -> int:
    return this[index]

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

  /// Like $(compare-to other), but calls $if-equal when the two are equal.
  compare-to other/string [--if-equal] -> int:
    result := compare_ this other
    return result == 0 ? if-equal.call : result

  hash-code -> int:
    #primitive.core.string-hash

  stringify -> string:
    return this

  /// The byte offset of the first (or, with $last, the last) $needle that lies within
  /// $from..$to, or -1.
  index-of --last/bool=false needle/string from/int=0 to/int=size -> int:
    return index-of --last=last needle from to --if-absent=: -1

  /// Like $(index-of --last needle from to), but calls $if-absent with this string when there
  /// is no $needle.
  index-of --last/bool=false needle/string from/int=0 to/int=size [--if-absent] -> any:
    if not 0 <= from <= to <= size: throw "OUT_OF_BOUNDS: [$from..$to] of a string of size $size"
    if last:
      for i := to - needle.size; i >= from; i--:
        if matches_ needle i: return i
    else:
      end := to - needle.size
      for i := from; i <= end; i++:
        if matches_ needle i: return i
    return if-absent.call this

  contains needle/string from/int=0 to/int=size -> bool:
    return (index-of needle from to) >= 0

  /// The bytes from $from to, not including, $to as a string of their own.
  copy from/int=0 to/int=size -> string:
    return this[from..to]

  /// Like $copy: the SDK's spelling for code that takes a string or a byte array.
  to-string from/int=0 to/int=size -> string:
    return this[from..to]

  /// This string with the first (or, with $all, every) $needle within $from..$to replaced by
  /// $replacement. A block instead of $replacement is called with the needle for each one.
  replace --all/bool=false needle/string replacement from=0 to=size -> string:
    // Calls pick an overload by their arguments' count and names only, so a call with a block
    // (`replace "a": "b"`, `replace "a" 2: "b"`) comes here too: the block is the last argument.
    if replacement is Block_: return replace-with_ all needle 0 size replacement
    if from is Block_: return replace-with_ all needle replacement size from
    if to is Block_: return replace-with_ all needle replacement from to
    return replace-with_ all needle from to replacement

  replace --all/bool=false needle/string from/int=0 to/int=size [replacement] -> string:
    return replace --all=all needle from to: replacement.call it

  // $replacement is a string or a block called with the needle.
  replace-with_ all/bool needle/string from/int to/int replacement -> string:
    at := index-of needle from to
    if at < 0: return this
    result := ""
    done := 0
    while at >= 0:
      result += this[done..at]
      result += replacement is Block_ ? replacement.call needle : replacement
      done = at + needle.size
      if not all or needle.is-empty: break
      at = index-of needle done to
    return result + this[done..]

  starts-with prefix/string -> bool:
    return prefix.size <= size and (matches_ prefix 0)

  ends-with suffix/string -> bool:
    return suffix.size <= size and (matches_ suffix size - suffix.size)

  matches_ needle/string at/int -> bool:
    needle.size.repeat:
      if this[at + it] != needle[it]: return false
    return true

  /// The parts between occurrences of $separator (only the first one with $at-first); with
  /// $drop-empty, without the empty parts. An empty separator splits into characters.
  split --at-first/bool=false separator/string --drop-empty/bool=false -> List:
    result := []
    split --at-first=at-first separator --drop-empty=drop-empty: result.add it
    return result

  /// Like $(split --at-first separator --drop-empty), but calls $process-part with each part.
  split --at-first/bool=false separator/string --drop-empty/bool=false [process-part] -> none:
    if separator.is-empty:
      if at-first:
        if is-empty: throw "INVALID_ARGUMENT: split --at-first of an empty string"
        first-size := utf-8-size_ this[0]
        process-part.call this[..first-size]
        if not drop-empty or first-size < size: process-part.call this[first-size..]
        return
      i := 0
      while i < size:
        next := i + (utf-8-size_ this[i])
        process-part.call this[i..next]
        i = next
      return
    start := 0
    while true:
      at := index-of separator start
      if at < 0:
        if not drop-empty or start < size: process-part.call this[start..]
        return
      if not drop-empty or start < at: process-part.call this[start..at]
      start = at + separator.size
      if at-first:
        if not drop-empty or start < size: process-part.call this[start..]
        return

  /// This string without leading and trailing spaces, tabs and newlines.
  trim -> string:
    from := 0
    to := size
    while from < to and (is-space_ this[from]): from++
    while to > from and (is-space_ this[to - 1]): to--
    return this[from..to]

  /// This string without leading white space ($left), or without trailing white space.
  trim --left/bool=false --right/bool=false -> string:
    from := 0
    to := size
    if left: while from < to and (is-space_ this[from]): from++
    if right: while to > from and (is-space_ this[to - 1]): to--
    return this[from..to]

  /// This string without the leading $prefix, if it starts with it.
  trim --left/bool prefix/string -> string:
    return trim --left prefix --if-absent=: it

  /// This string without the leading $prefix; calls $if-absent with this string when it does
  /// not start with it.
  trim --left/bool prefix/string [--if-absent] -> string:
    if not starts-with prefix: return if-absent.call this
    return this[prefix.size..]

  /// This string without the trailing $suffix, if it ends with it.
  trim --right/bool suffix/string -> string:
    return trim --right suffix --if-absent=: it

  /// This string without the trailing $suffix; calls $if-absent with this string when it does
  /// not end with it.
  trim --right/bool suffix/string [--if-absent] -> string:
    if not ends-with suffix: return if-absent.call this
    return this[..size - suffix.size]

  is-space_ c/int -> bool:
    return c == ' ' or c == '\t' or c == '\n' or c == '\r'

  to-upper -> string:
    return map-bytes_: it >= 'a' and it <= 'z' ? it - 32 : it

  to-lower -> string:
    return map-bytes_: it >= 'A' and it <= 'Z' ? it + 32 : it

  /// This string with the ASCII letters a-z made upper case; other characters unchanged.
  to-ascii-upper -> string:
    return to-upper

  /// This string with the ASCII letters A-Z made lower case; other characters unchanged.
  to-ascii-lower -> string:
    return to-lower

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

/// The number of bytes of the UTF-8 sequence that starts with $first-byte.
utf-8-size_ first-byte/int -> int:
  if first-byte < 0x80: return 1
  if first-byte < 0xe0: return 2
  if first-byte < 0xf0: return 3
  return 4

/// The UTF-8 bytes of the code points in $runes.
utf-8-bytes_ runes/List -> ByteArray:
  size := 0
  runes.do: | rune |
    if not 0 <= rune <= 0x10ffff: throw "INVALID_ARGUMENT: $rune is not a code point"
    size += rune < 0x80 ? 1 : (rune < 0x800 ? 2 : (rune < 0x10000 ? 3 : 4))
  bytes := ByteArray size
  i := 0
  runes.do: | rune |
    if rune < 0x80:
      bytes[i++] = rune
    else if rune < 0x800:
      bytes[i++] = 0xc0 | (rune >> 6)
      bytes[i++] = 0x80 | (rune & 0x3f)
    else if rune < 0x10000:
      bytes[i++] = 0xe0 | (rune >> 12)
      bytes[i++] = 0x80 | ((rune >> 6) & 0x3f)
      bytes[i++] = 0x80 | (rune & 0x3f)
    else:
      bytes[i++] = 0xf0 | (rune >> 18)
      bytes[i++] = 0x80 | ((rune >> 12) & 0x3f)
      bytes[i++] = 0x80 | ((rune >> 6) & 0x3f)
      bytes[i++] = 0x80 | (rune & 0x3f)
  return bytes

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

  /// A byte array with the bytes $from to, not including, $to of $bytes (a byte array, a
  /// string or a list of bytes).
  constructor.from bytes from/int=0 to/int=bytes.size:
    if not 0 <= from <= to <= bytes.size: throw "OUT_OF_BOUNDS: [$from..$to] of size $bytes.size"
    bytes_ = bytes-new_ to - from
    (to - from).repeat: bytes-at-put_ bytes_ it bytes[from + it]

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

  /// Calls $block with every byte, the last first.
  do --reversed/bool [block] -> none:
    if not reversed:
      do block
      return
    for i := size - 1; i >= 0; i--: block.call this[i]

  /// A copy of the bytes from $from to, not including, $to.
  copy from/int=0 to/int=size -> ByteArray:
    return this[from..to]

  /// Copies $source[$from..$to] into this byte array, starting at $index.
  replace index/int source from/int=0 to/int=source.size -> none:
    count := to - from
    if index <= from:
      count.repeat: this[index + it] = source[from + it]
    else:
      for i := count - 1; i >= 0; i--: this[index + i] = source[from + i]

  /// Stores $value in the bytes from $from to, not including, $to; with a block instead of
  /// $value, what the block gives for the index counted from $from.
  fill --from/int=0 --to/int=size value -> none:
    // Calls pick an overload by their arguments' count and names only, so `fill: it` comes here.
    if value is Block_:
      (to - from).repeat: this[from + it] = value.call it
    else:
      (to - from).repeat: this[from + it] = value

  fill --from/int=0 --to/int=size [block] -> none:
    (to - from).repeat: this[from + it] = block.call it

  /// Whether the bytes from $from to, not including, $to are well-formed UTF-8: no sequence
  /// cut off, overlong or encoding a surrogate or a value above 0x10ffff.
  is-valid-string-content from/int=0 to/int=size -> bool:
    i := from
    while i < to:
      length := utf-8-sequence-size_ i to
      if length == 0: return false
      i += length
    return true

  /// The bytes as UTF-8 text, each run of bytes that is not well-formed UTF-8 replaced by
  /// U+FFFD.
  to-string-non-throwing from/int=0 to/int=size -> string:
    if is-valid-string-content from to: return to-string from to
    result := ""
    start := from
    i := from
    while i < to:
      length := utf-8-sequence-size_ i to
      if length > 0:
        i += length
      else:
        result += to-string start i
        result += "\u{fffd}"
        while i < to and (utf-8-sequence-size_ i to) == 0: i++
        start = i
    return result + (to-string start to)

  // The size of the well-formed UTF-8 sequence at $at that ends before $to, or 0.
  utf-8-sequence-size_ at/int to/int -> int:
    c := this[at]
    if c < 0x80: return 1
    length := c >= 0xf0 ? 4 : (c >= 0xe0 ? 3 : (c >= 0xc0 ? 2 : 0))
    if length == 0 or c > 0xf4 or at + length > to: return 0
    value := c & (0xff >> (length + 1))
    for i := 1; i < length; i++:
      next := this[at + i]
      if next & 0xc0 != 0x80: return 0
      value = (value << 6) | (next & 0x3f)
    minimum := length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
    if value < minimum or value > 0x10ffff or 0xd800 <= value <= 0xdfff: return 0
    return length

  /// The index of the first $byte within $from..$to, or -1.
  index-of byte/int --from/int=0 --to/int=size -> int:
    for i := from; i < to; i++: if this[i] == byte: return i
    return -1

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
