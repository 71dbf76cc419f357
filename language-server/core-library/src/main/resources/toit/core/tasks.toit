// Time, sleeping and tasks. Tasks are cooperative inside a container: they switch when one
// sleeps, yields, waits for a message or ends.

/// A length of time.
class Duration:
  us_/int

  constructor --h/int=0 --m/int=0 --s/int=0 --ms/int=0 --us/int=0:
    us_ = (((h * 60 + m) * 60 + s) * 1000 + ms) * 1000 + us

  constructor.from-ms ms/int:
    us_ = ms * 1000

  in-us -> int: return us_
  is-zero -> bool: return us_ == 0
  in-ms -> int: return us_ / 1000
  in-s -> int: return us_ / 1_000_000

  operator + other/Duration -> Duration: return Duration --us=us_ + other.us_
  operator - other/Duration -> Duration: return Duration --us=us_ - other.us_
  operator < other/Duration -> bool: return us_ < other.us_
  operator == other -> bool: return other is Duration and us_ == other.us_

  stringify -> string:
    if us_ % 1000 != 0: return "$(us_)us"
    if us_ % 1_000_000 != 0: return "$(us_ / 1000)ms"
    return "$(us_ / 1_000_000)s"

/// Suspends the calling task for $ms milliseconds (or $duration); other tasks and containers run.
sleep --ms/int -> none:
  sleep-ms_ ms

sleep duration/Duration -> none:
  sleep-ms_ duration.in-ms

sleep-ms_ ms/int -> none:
  #primitive.core.sleep-ms

/// Lets the container's other tasks run.
yield -> none:
  #primitive.core.yield

task-id_ -> int:
  #primitive.core.task-id

/// Starts $code as a new task of this container.
task code/Lambda -> any:
  #primitive.core.task-spawn


/// Time as a program sees it: monotonic milliseconds since the container started.
class Time:
  static monotonic-us -> int:
    return (time-ms_) * 1000

time-ms_ -> int:
  #primitive.core.time-ms

/**
Sends $message to the container named $container. The message is copied: null, booleans,
numbers, strings, byte arrays, and lists, maps and sets of those (nested too) can be sent.
*/
send-message container/string message/any -> none:
  send-message_ container (to-transfer_ message)

/// Waits for the next message sent to this container and returns it.
receive-message -> any:
  return from-transfer_ receive-message_

send-message_ container/string message/any -> none:
  #primitive.core.message-send

receive-message_ -> any:
  #primitive.core.message-receive

// Lists and byte arrays travel as the VM's arrays and byte arrays; maps and sets as an array
// tagged with a marker in a one-element array of its own (which no list of the program can be
// identical to), then the keys and values. All are rebuilt on arrival.
MAP-TAG_ ::= "eave:map"
SET-TAG_ ::= "eave:set"

to-transfer_ value/any -> any:
  if value is List:
    list := value as List
    array := array-new_ list.size null
    list.size.repeat: array-at-put_ array it (to-transfer_ list[it])
    return array
  if value is ByteArray: return (value as ByteArray).bytes_
  if value is Map:
    map := value as Map
    return tagged_ MAP-TAG_ (to-transfer_ map.keys) (to-transfer_ map.values)
  if value is Set:
    elements := []
    (value as Set).do: elements.add it
    return tagged_ SET-TAG_ (to-transfer_ elements) null
  return value

tagged_ tag/string first/any second/any -> any:
  marker := array-new_ 1 tag
  array := array-new_ 3 null
  array-at-put_ array 0 marker
  array-at-put_ array 1 first
  array-at-put_ array 2 second
  return array

from-transfer_ value/any -> any:
  if value is Array_:
    size := array-size_ value
    if size == 3:
      marker := array-at_ value 0
      if marker is Array_ and (array-size_ marker) == 1:
        tag := array-at_ marker 0
        if tag == MAP-TAG_:
          keys := from-transfer_ (array-at_ value 1)
          values := from-transfer_ (array-at_ value 2)
          map := Map
          keys.size.repeat: map[keys[it]] = values[it]
          return map
        if tag == SET-TAG_:
          set := Set
          (from-transfer_ (array-at_ value 1)).do: set.add it
          return set
    list := List
    size.repeat: list.add (from-transfer_ (array-at_ value it))
    return list
  if value is ByteArray_: return ByteArray.wrap_ value
  return value

/**
What every monitor inherits: a lock that one task at a time holds while it runs a method of the
monitor. The compiler makes each instance method of a monitor take the lock on entry and give
it back however the method ends (return, exception, non-local return from a block). The lock is
reentrant, so a monitor method may call another one on the same monitor; a task that sleeps or
yields inside a method keeps the lock, and other tasks that call the monitor wait for it.
*/
class Monitor_:
  owner_ := null   // The id of the task holding the lock, or null.
  depth_ := 0      // How many monitor methods that task is inside.

  /**
  Waits until $condition holds. The lock is given up while waiting, so other tasks can enter the
    monitor and change what $condition looks at; it is taken again to check $condition.
  */
  await [condition] -> none:
    me := task-id_
    if owner_ != me:
      while not condition.call: yield
      return
    depth := depth_
    while not condition.call:
      owner_ = null
      depth_ = 0
      yield
      lock-wait_ me
      depth_ = depth

  enter-monitor_ -> none:
    me := task-id_
    if owner_ == me:
      depth_++
      return
    lock-wait_ me
    depth_ = 1

  leave-monitor_ -> none:
    depth_--
    if depth_ == 0: owner_ = null

  lock-wait_ me/int -> none:
    while owner_ != null: yield
    owner_ = me

/**
A channel between the tasks of a container: $send waits while it holds $capacity values,
$receive waits while it is empty.
*/
class Channel:
  capacity/int
  values_ := []
  first_ := 0

  constructor .capacity=1:
    if capacity < 1: throw "INVALID_ARGUMENT: a channel holds at least one value"

  size -> int:
    return values_.size - first_

  send value/any -> none:
    while size >= capacity: yield
    values_.add value

  receive -> any:
    while size == 0: yield
    value := values_[first_]
    values_[first_] = null
    first_++
    if first_ == values_.size:
      values_.clear
      first_ = 0
    return value
