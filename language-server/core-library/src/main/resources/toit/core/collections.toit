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

  /// A list of $size elements, each $initial.
  constructor size/int --initial/any:
    array_ = array-new_ (size < 4 ? 4 : size) null
    size_ = size
    size.repeat: array-at-put_ array_ it initial

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

  /// Makes the list $new-size long: new elements are null, elements past the end are dropped.
  resize new-size/int -> none:
    if new-size < 0: throw "OUT_OF_BOUNDS: resize to $new-size"
    while size_ > new-size: remove-last
    while size_ < new-size: add null

  /// Copies $source[$from..$to] into this list, starting at $index (overlaps are fine).
  replace index/int source from/int=0 to/int=source.size -> none:
    count := to - from
    if index <= from:
      count.repeat: this[index + it] = source[from + it]
    else:
      for i := count - 1; i >= 0; i--: this[index + i] = source[from + i]

  /// Stores $value in the elements from $from to, not including, $to; with a block instead of
  /// $value, what the block gives for the index counted from $from.
  fill --from/int=0 --to/int=size value -> none:
    // Calls pick an overload by their arguments' count and names only, so `fill: it` comes here.
    if value is Block_:
      (to - from).repeat: this[from + it] = value.call it
    else:
      (to - from).repeat: this[from + it] = value

  fill --from/int=0 --to/int=size [block] -> none:
    (to - from).repeat: this[from + it] = block.call it

  /// Inserts $value before the element at index $at ($at may be $size).
  insert --at/int value/any -> none:
    if not 0 <= at <= size_: throw "OUT_OF_BOUNDS: insert at $at into a list of size $size_"
    add value
    replace at + 1 this at size_ - 1
    this[at] = value

  /// Removes the first element equal to $needle, if any.
  remove needle/any -> none:
    at := index-of needle
    if at >= 0: remove --at=at

  /// Removes and returns the element at index $at.
  remove --at/int -> any:
    check-index_ at
    value := this[at]
    replace at this at + 1 size_
    remove-last
    return value

  /// Removes every element equal to $needle.
  remove --all/bool needle/any -> none:
    if not all:
      remove needle
      return
    kept := 0
    size_.repeat:
      element := this[it]
      if element != needle: this[kept++] = element
    resize kept

  /// Removes the last element equal to $needle, if any.
  remove --last/bool needle/any -> none:
    at := index-of --last=last needle
    if at >= 0: remove --at=at

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

  copy from/int=0 to/int=size -> List:
    return this[from..to]

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

  /// Like $(map [block]); with $in-place, stores the results in this list and returns it.
  map --in-place/bool [block] -> List:
    if not in-place: return map block
    size_.repeat: this[it] = block.call this[it]
    return this

  /// The elements for which $predicate is true; with $in-place, this list keeps only those.
  filter --in-place/bool=false [predicate] -> List:
    if not in-place:
      result := List
      do: if predicate.call it: result.add it
      return result
    kept := 0
    size_.repeat:
      element := this[it]
      if predicate.call element: this[kept++] = element
    resize kept
    return this

  reduce [block] -> any:
    if size_ == 0: throw "NOT_FOUND: reduce of an empty list"
    value := this[0]
    for i := 1; i < size_; i++: value = block.call value this[i]
    return value

  reduce --initial [block] -> any:
    value := initial
    do: value = block.call value it
    return value

  any [block] -> bool:
    do: if block.call it: return true
    return false

  every [block] -> bool:
    do: if not block.call it: return false
    return true

  contains value/any -> bool:
    return (index-of value) >= 0

  /// The index of the first (or, with $last, the last) element equal to $needle within
  /// $from..$to, or -1.
  index-of --last/bool=false needle/any from/int=0 to/int=size -> int:
    return index-of --last=last needle from to --if-absent=: -1

  /// Like $(index-of --last needle from to), but returns what $if-absent gives when there is
  /// no such element.
  index-of --last/bool=false needle/any from/int=0 to/int=size [--if-absent] -> any:
    if not 0 <= from <= to <= size_: throw "OUT_OF_BOUNDS: [$from..$to] of a list of size $size_"
    if last:
      for i := to - 1; i >= from; i--: if this[i] == needle: return i
    else:
      for i := from; i < to; i++: if this[i] == needle: return i
    return if-absent.call

  /// The index of $needle in the sorted range $from..$to, by binary search with `<` and `==`,
  /// or -1.
  index-of --binary/bool needle/any from/int=0 to/int=size -> int:
    return index-of --binary needle from to --if-absent=: -1

  /// Like $(index-of --binary needle from to), but when $needle is absent, calls $if-absent
  /// with the index where it would be inserted.
  index-of --binary/bool needle/any from/int=0 to/int=size [--if-absent] -> any:
    return index-of needle from to --if-absent=if-absent --binary-compare=: | a b |
      a < b ? -1 : (a == b ? 0 : 1)

  /// The index of $needle in the range $from..$to sorted as $binary-compare (called with an
  /// element and $needle, giving -1, 0 or 1) orders it, or -1.
  index-of needle/any from/int=0 to/int=size [--binary-compare] -> int:
    return index-of needle from to --binary-compare=binary-compare --if-absent=: -1

  index-of needle/any from/int=0 to/int=size [--binary-compare] [--if-absent] -> any:
    if not 0 <= from <= to <= size_: throw "OUT_OF_BOUNDS: [$from..$to] of a list of size $size_"
    low := from
    high := to
    while low < high:
      middle := low + (high - low) / 2
      order := binary-compare.call this[middle] needle
      if order == 0: return middle
      if order < 0: low = middle + 1
      else: high = middle
    return if-absent.call low

  /// Whether the elements are in ascending order by `<` (or by $compare).
  is-sorted -> bool:
    return is-sorted: | a b | a < b ? -1 : (b < a ? 1 : 0)

  is-sorted [compare] -> bool:
    for i := 1; i < size_; i++:
      if (compare.call this[i - 1] this[i]) > 0: return false
    return true

  /// Calls $block with `chunk-from`, `chunk-to` and `chunk-size` for consecutive chunks of
  /// $from..$to: the first at most $available long, the others at most $max-available.
  /// Returns `to - from`.
  static chunk-up from/int to/int available/int max-available/int=available [block] -> int:
    chunk := min_ available (to - from)
    start := from
    while start < to:
      block.call start start + chunk chunk
      start += chunk
      chunk = min_ max-available (to - start)
    return to - from

  /// The elements as strings, joined by $separator.
  join separator/string -> string:
    return join separator: it.stringify

  /// What $stringify gives for each element, joined by $separator.
  join separator/string [stringify] -> string:
    result := ""
    size_.repeat:
      if it > 0: result += separator
      result += stringify.call this[it]
    return result

  /// A sorted copy, stably: by `<` or by $compare (negative, zero or positive); with
  /// `--in-place` this list itself is sorted and returned (as the SDK's `List.sort`).
  sort --in-place/bool=false -> List:
    return sort --in-place=in-place: | a b | a < b ? -1 : (b < a ? 1 : 0)

  sort --in-place/bool=false [compare] -> List:
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

  /// What $if-present gives for the value of $key, or null when there is none.
  get key/any [--if-present] -> any:
    at := find_ key
    return at < 0 ? null : if-present.call values_[at]

  get key/any [--if-present] [--if-absent] -> any:
    at := find_ key
    return at < 0 ? if-absent.call key : if-present.call values_[at]

  /// The value of $key; when there is none, stores and returns what $init gives.
  get key/any [--init] -> any:
    at := find_ key
    if at >= 0: return values_[at]
    value := init.call
    this[key] = value
    return value

  /// Replaces the value of $key, which must be present, with what $updater gives for it.
  /// Returns the new value.
  update key/any [updater] -> any:
    at := find_ key
    if at < 0: throw "NOT_FOUND: key $key"
    return values_[at] = updater.call values_[at]

  /// Like $(update key [updater]), but stores $if-absent (or, for a block, what it gives for
  /// $key) when $key is absent, without calling $updater.
  update key/any [updater] --if-absent -> any:
    at := find_ key
    if at >= 0: return values_[at] = updater.call values_[at]
    // Calls pick an overload by their arguments' count and names only: a block comes here too.
    value := if-absent is Block_ ? if-absent.call key : if-absent
    this[key] = value
    return value

  update key/any [updater] [--if-absent] -> any:
    at := find_ key
    if at >= 0: return values_[at] = updater.call values_[at]
    return this[key] = if-absent.call key

  /// Like $(update key [updater]), but when $key is absent, first stores $init (or, for a
  /// block, what it gives for $key) and updates that.
  update key/any --init [updater] -> any:
    at := find_ key
    if at < 0:
      // A block comes here too (see update --if-absent).
      this[key] = init is Block_ ? init.call key : init
      at = find_ key
    return values_[at] = updater.call values_[at]

  update key/any [--init] [updater] -> any:
    if not contains key: this[key] = init.call key
    return update key updater

  contains key/any -> bool:
    return (find_ key) >= 0

  /// Removes $key if present.
  remove key/any -> none:
    remove key --if-absent=: null

  /// Removes $key; calls $if-absent with $key when it is not present.
  remove key/any [--if-absent] -> none:
    at := find_ key
    if at < 0:
      if-absent.call key
      return
    keys_[at] = Tombstone_.instance
    values_[at] = null
    size_--
    if size_ * 4 < keys_.size: compact_

  do [block] -> none:
    keys_.size.repeat:
      k := keys_[it]
      if k is not Tombstone_: block.call k values_[it]

  /// Calls $block with every key and value, the last inserted first.
  do --reversed/bool [block] -> none:
    if not reversed:
      do block
      return
    for i := keys_.size - 1; i >= 0; i--:
      k := keys_[i]
      if k is not Tombstone_: block.call k values_[i]

  // A flag may be left out of a call, and calls pick the first overload their arguments' count
  // and names fit: so --reversed alone, above, comes before these.
  do --keys/bool --reversed/bool=false [block] -> none:
    do --reversed=reversed: | k v | block.call k

  do --values/bool --reversed/bool=false [block] -> none:
    do --reversed=reversed: | k v | block.call v

  /// Removes every key and value.
  clear -> none:
    keys_ = []
    values_ = []
    slots_ = array-new_ 8 0
    size_ = 0

  /// The first key, in insertion order.
  first -> any:
    do: | k v | return k
    throw "NOT_FOUND: first of an empty map"

  /// The last key, in insertion order.
  last -> any:
    do --reversed: | k v | return k
    throw "NOT_FOUND: last of an empty map"

  /// Whether $predicate is true for some key and value (or key, or value).
  any [predicate] -> bool:
    do: | k v | if predicate.call k v: return true
    return false

  any --keys/bool [predicate] -> bool:
    do: | k v | if predicate.call k: return true
    return false

  any --values/bool [predicate] -> bool:
    do: | k v | if predicate.call v: return true
    return false

  /// Whether $predicate is true for every key and value (or key, or value).
  every [predicate] -> bool:
    do: | k v | if not predicate.call k v: return false
    return true

  every --keys/bool [predicate] -> bool:
    do: | k v | if not predicate.call k: return false
    return true

  every --values/bool [predicate] -> bool:
    do: | k v | if not predicate.call v: return false
    return true

  /// $initial combined with every entry by $block, called with the result so far, a key and
  /// its value.
  reduce --initial [block] -> any:
    result := initial
    do: | k v | result = block.call result k v
    return result

  // Calls pick an overload by their arguments' count and names only, and a flag such as
  // --values may be left out: overloads with more flags come after those with fewer.
  /// The values combined by $block, from the first one on; the map must not be empty.
  reduce --values/bool [block] -> any:
    return this.values.reduce block

  reduce --keys/bool [block] -> any:
    return this.keys.reduce block

  reduce --values/bool --initial [block] -> any:
    return this.values.reduce --initial=initial block

  reduce --keys/bool --initial [block] -> any:
    return this.keys.reduce --initial=initial block

  /// The entries for which $predicate (called with a key and its value) is true; with
  /// $in-place, this map keeps only those.
  filter --in-place/bool=false [predicate] -> Map:
    result := Map
    do: | k v | if predicate.call k v: result[k] = v
    if not in-place: return result
    keys_ = result.keys_
    values_ = result.values_
    slots_ = result.slots_
    size_ = result.size_
    return this

  /// A map with the same keys and what $block gives for each key and value.
  map [block] -> Map:
    result := Map
    do: | k v | result[k] = block.call k v
    return result

  /// Replaces every value with what $block gives for its key and value.
  map --in-place/bool [block] -> Map:
    if not in-place: return map block
    keys_.size.repeat:
      k := keys_[it]
      if k is not Tombstone_: values_[it] = block.call k values_[it]
    return this

  /// A shallow copy.
  copy -> Map:
    return map: | k v | v

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

min_ a/int b/int -> int:
  return a < b ? a : b

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

/// A double-ended queue: adding and removing at both ends take amortized constant time. The
/// elements are $backing_[$first_..]; room freed at the front is reused once it is half.
class Deque:
  backing_ := []
  first_ := 0

  constructor:

  /// A deque of the elements of $collection (anything with `do`).
  constructor.from collection:
    collection.do: backing_.add it

  size -> int:
    return backing_.size - first_

  is-empty -> bool:
    return backing_.size == first_

  add element/any -> none:
    backing_.add element

  add-all collection -> none:
    collection.do: backing_.add it

  /// Inserts $element before the first.
  add-first element/any -> none:
    if first_ == 0:
      // Make room at the front: as much as there are elements, plus one.
      padding := backing_.size + 1
      bigger := List padding + backing_.size
      bigger.replace padding backing_
      backing_ = bigger
      first_ = padding
    first_--
    backing_[first_] = element

  remove-first -> any:
    if is-empty: throw "OUT_OF_BOUNDS: remove-first of an empty deque"
    value := backing_[first_]
    backing_[first_] = null
    first_++
    shrink_
    return value

  remove-last -> any:
    if is-empty: throw "OUT_OF_BOUNDS: remove-last of an empty deque"
    value := backing_.remove-last
    shrink_
    return value

  first -> any:
    if is-empty: throw "OUT_OF_BOUNDS: first of an empty deque"
    return backing_[first_]

  last -> any:
    if is-empty: throw "OUT_OF_BOUNDS: last of an empty deque"
    return backing_.last

  clear -> none:
    backing_ = []
    first_ = 0

  operator [] index/int -> any:
    check-index_ index
    return backing_[first_ + index]

  operator []= index/int value/any -> any:
    check-index_ index
    return backing_[first_ + index] = value

  check-index_ index/int -> none:
    if not 0 <= index < size: throw "OUT_OF_BOUNDS: index $index of a deque of size $size"

  /// Inserts $value before the element at index $at ($at may be $size).
  insert --at/int value/any -> none:
    if not 0 <= at <= size: throw "OUT_OF_BOUNDS: insert at $at into a deque of size $size"
    backing_.insert --at=first_ + at value

  /// Removes and returns the element at index $at.
  remove --at/int -> any:
    check-index_ at
    value := backing_.remove --at=first_ + at
    shrink_
    return value

  /// Removes the first element equal to $needle, if any.
  remove needle/any -> none:
    at := index-of needle
    if at >= 0: remove --at=at

  /// Room for $amount more elements (a hint; Eave's lists grow by doubling anyway).
  reserve amount/int -> none:
    if amount < 0: throw "OUT_OF_BOUNDS: reserve $amount"

  do [block] -> none:
    for i := first_; i < backing_.size; i++: block.call backing_[i]

  do --reversed/bool [block] -> none:
    if not reversed:
      do block
      return
    for i := backing_.size - 1; i >= first_; i--: block.call backing_[i]

  any [predicate] -> bool:
    do: if predicate.call it: return true
    return false

  every [predicate] -> bool:
    do: if not predicate.call it: return false
    return true

  contains element/any -> bool:
    return (index-of element) >= 0

  index-of --last/bool=false needle/any from/int=0 to/int=size -> int:
    if not 0 <= from <= to <= size: throw "OUT_OF_BOUNDS: [$from..$to] of a deque of size $size"
    at := backing_.index-of --last=last needle first_ + from first_ + to
    return at < 0 ? -1 : at - first_

  index-of --last/bool=false needle/any from/int=0 to/int=size [--if-absent] -> any:
    at := index-of --last=last needle from to
    return at < 0 ? if-absent.call : at

  /// The index of $needle in the sorted range $from..$to, as $(List.index-of --binary needle).
  index-of --binary/bool needle/any from/int=0 to/int=size -> int:
    return index-of --binary needle from to --if-absent=: -1

  index-of --binary/bool needle/any from/int=0 to/int=size [--if-absent] -> any:
    return index-of needle from to --if-absent=if-absent --binary-compare=: | a b |
      a < b ? -1 : (a == b ? 0 : 1)

  index-of needle/any from/int=0 to/int=size [--binary-compare] -> int:
    return index-of needle from to --binary-compare=binary-compare --if-absent=: -1

  /// As $(List.index-of needle from to [--binary-compare] [--if-absent]): $if-absent gets the
  /// index where $needle would be inserted.
  index-of needle/any from/int=0 to/int=size [--binary-compare] [--if-absent] -> any:
    if not 0 <= from <= to <= size: throw "OUT_OF_BOUNDS: [$from..$to] of a deque of size $size"
    at := backing_.index-of needle first_ + from first_ + to
        --binary-compare=binary-compare
        --if-absent=: return if-absent.call it - first_
    return at - first_

  reduce [block] -> any:
    if is-empty: throw "NOT_FOUND: reduce of an empty deque"
    result := backing_[first_]
    for i := first_ + 1; i < backing_.size; i++: result = block.call result backing_[i]
    return result

  reduce --initial [block] -> any:
    result := initial
    do: result = block.call result it
    return result

  /// A deque of the elements from $from to, not including, $to.
  copy from/int=0 to/int=size -> Deque:
    return Deque.from backing_[first_ + from..first_ + to]

  stringify -> string:
    return backing_[first_..].stringify

  // Gives the room at the front back once it is more than half of the backing list.
  shrink_ -> none:
    if first_ * 2 <= backing_.size: return
    backing_ = backing_[first_..]
    first_ = 0
