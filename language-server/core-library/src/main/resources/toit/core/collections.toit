// Lists, maps and sets, written on the VM's fixed-size arrays (Array_).

class Array_:

array-new_ size/int filler/any -> any:
  #primitive.core.array-new
array-size_ array -> int:
  #primitive.core.array-size
array-at_ array index/int -> any:
  #primitive.core.array-at
array-at-put_ array index/int value/any -> any:
  #primitive.core.array-at-put

/// A growable list: `[1, 2, 3]`, `List`, `List 3 0`.
class List:
  array_ := ?
  size_ := 0

  /// A list of $size elements, each $filler.
  constructor size/int=0 filler/any=null:
    array_ = array-new_ (size < 4 ? 4 : size) null
    size_ = size
    size.repeat: array-at-put_ array_ it filler

  size -> int:
    return size_

  is-empty -> bool:
    return size_ == 0

  operator [] index/int -> any:
    check-index_ index
    return array-at_ array_ index

  operator []= index/int value/any -> any:
    check-index_ index
    return array-at-put_ array_ index value

  operator [..] --from/int=0 --to/int=size -> List:
    if not 0 <= from <= to <= size_: throw "OUT_OF_BOUNDS: [$from..$to] of a list of size $size_"
    result := List
    for i := from; i < to; i++: result.add this[i]
    return result

  operator + other/List -> List:
    result := copy
    result.add-all other
    return result

  check-index_ index/int -> none:
    if not 0 <= index < size_: throw "OUT_OF_BOUNDS: index $index of a list of size $size_"

  /// Adds $value at the end.
  add value/any -> none:
    capacity := array-size_ array_
    if size_ == capacity:
      bigger := array-new_ capacity * 2 null
      size_.repeat: array-at-put_ bigger it (array-at_ array_ it)
      array_ = bigger
    array-at-put_ array_ size_ value
    size_++

  add-all values/List -> none:
    values.do: add it

  /// Removes and returns the last element.
  remove-last -> any:
    if size_ == 0: throw "OUT_OF_BOUNDS: remove-last of an empty list"
    size_--
    value := array-at_ array_ size_
    array-at-put_ array_ size_ null
    return value

  clear -> none:
    while size_ > 0: remove-last

  first -> any:
    return this[0]

  last -> any:
    return this[size_ - 1]

  copy -> List:
    return this[0..size_]

  do [block] -> none:
    size_.repeat: block.call (array-at_ array_ it)

  do --reversed/bool [block] -> none:
    if not reversed:
      do block
      return
    for i := size_ - 1; i >= 0; i--: block.call this[i]

  map [block] -> List:
    result := List
    do: result.add (block.call it)
    return result

  filter [block] -> List:
    result := List
    do: if block.call it: result.add it
    return result

  reduce [block] -> any:
    if size_ == 0: throw "NOT_FOUND: reduce of an empty list"
    value := this[0]
    for i := 1; i < size_; i++: value = block.call value this[i]
    return value

  any [block] -> bool:
    do: if block.call it: return true
    return false

  every [block] -> bool:
    do: if not block.call it: return false
    return true

  contains value/any -> bool:
    return (index-of value) >= 0

  index-of value/any -> int:
    size_.repeat: if this[it] == value: return it
    return -1

  /// The elements as strings, joined by $separator.
  join separator/string -> string:
    result := ""
    size_.repeat:
      if it > 0: result += separator
      result += this[it].stringify
    return result

  /// Sorts in place, stably: by `<` or by $compare (negative, zero or positive).
  sort --in-place/bool=true -> List:
    return sort --in-place=in-place: | a b | a < b ? -1 : (b < a ? 1 : 0)

  sort --in-place/bool=true [compare] -> List:
    target := in-place ? this : copy
    // Insertion sort: lists on a device are short, and it is stable and allocation free.
    for i := 1; i < target.size; i++:
      value := target[i]
      j := i - 1
      while j >= 0 and (compare.call target[j] value) > 0:
        target[j + 1] = target[j]
        j--
      target[j + 1] = value
    return target

  stringify -> string:
    return "[" + (join ", ") + "]"

/// A map from keys to values that remembers insertion order: `{"a": 1}`, `{:}`, `Map`.
class Map:
  keys_ := []
  values_ := []
  // Open addressing over slots that hold an index into keys_ plus one (0: empty).
  slots_ := ?
  size_ := 0

  constructor:
    slots_ = array-new_ 8 0

  size -> int:
    return size_

  is-empty -> bool:
    return size_ == 0

  /// The value of $key; throws when there is none (use $get to get null instead).
  operator [] key/any -> any:
    at := find_ key
    if at < 0: throw "NOT_FOUND: key $key"
    return values_[at]

  operator []= key/any value/any -> any:
    at := find_ key
    if at >= 0:
      values_[at] = value
      return value
    if (keys_.size + 1) * 2 > (array-size_ slots_): rehash_ (array-size_ slots_) * 2
    keys_.add key
    values_.add value
    insert-slot_ key keys_.size
    size_++
    return value

  /// The value of $key, or null (or what $if-absent returns) when there is none.
  get key/any -> any:
    at := find_ key
    return at < 0 ? null : values_[at]

  get key/any [--if-absent] -> any:
    at := find_ key
    return at < 0 ? if-absent.call key : values_[at]

  contains key/any -> bool:
    return (find_ key) >= 0

  /// Removes $key if present.
  remove key/any -> none:
    at := find_ key
    if at < 0: return
    keys_[at] = Tombstone_.instance
    values_[at] = null
    size_--
    if size_ * 4 < keys_.size: compact_

  do [block] -> none:
    keys_.size.repeat:
      k := keys_[it]
      if k is not Tombstone_: block.call k values_[it]

  do --keys/bool [block] -> none:
    do: | k v | block.call k

  do --values/bool [block] -> none:
    do: | k v | block.call v

  keys -> List:
    result := []
    do: | k v | result.add k
    return result

  values -> List:
    result := []
    do: | k v | result.add v
    return result

  stringify -> string:
    if size_ == 0: return "{:}"
    parts := []
    do: | k v | parts.add "$k: $v"
    return "{" + (parts.join ", ") + "}"

  find_ key/any -> int:
    capacity := array-size_ slots_
    slot := (hash_ key) % capacity
    while true:
      entry := array-at_ slots_ slot
      if entry == 0: return -1
      candidate := keys_[entry - 1]
      if candidate is not Tombstone_ and candidate == key: return entry - 1
      slot = (slot + 1) % capacity

  insert-slot_ key/any index/int -> none:
    capacity := array-size_ slots_
    slot := (hash_ key) % capacity
    while (array-at_ slots_ slot) != 0: slot = (slot + 1) % capacity
    array-at-put_ slots_ slot index

  hash_ key/any -> int:
    h := key.hash-code
    return h < 0 ? -(h + 1) : h

  rehash_ capacity/int -> none:
    slots_ = array-new_ capacity 0
    keys_.size.repeat:
      k := keys_[it]
      if k is not Tombstone_: insert-slot_ k it + 1

  compact_ -> none:
    old-keys := keys_
    old-values := values_
    keys_ = []
    values_ = []
    old-keys.size.repeat:
      if old-keys[it] is not Tombstone_:
        keys_.add old-keys[it]
        values_.add old-values[it]
    rehash_ (array-size_ slots_)

class Tombstone_:
  static instance ::= Tombstone_

/// A set that remembers insertion order: `{1, 2}`, `{}`, `Set`.
class Set:
  map_ := Map

  size -> int:
    return map_.size

  is-empty -> bool:
    return map_.is-empty

  add value/any -> none:
    map_[value] = true

  contains value/any -> bool:
    return map_.contains value

  remove value/any -> none:
    map_.remove value

  do [block] -> none:
    map_.do --keys: block.call it

  stringify -> string:
    parts := []
    do: parts.add it
    return "{" + (parts.join ", ") + "}"
