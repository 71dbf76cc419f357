// The core library as the front end sees it: declarations only, imported into every Toit file.
// Bodies are primitives the Eave VM provides (or small Toit code the compiler lowers); this file
// is what name resolution, argument checks and completion use. Written for Eave, not copied.

/// The type every value has; `none` is the type of methods that return nothing.
interface any:
class none:

class Object:
  operator == other -> bool: return identical this other
  hash-code -> int: return #primitive.core.hash_code
  stringify -> string: return #primitive.core.object_stringify

class bool:
  stringify -> string: return this ? "true" : "false"

abstract class num:
  abstract operator + other -> num
  abstract operator - other -> num
  abstract operator * other -> num
  abstract operator / other -> num
  abstract operator - -> num
  abstract operator < other -> bool
  abstract operator <= other -> bool
  abstract operator > other -> bool
  abstract operator >= other -> bool
  abstract abs -> num
  abstract to-int -> int
  abstract to-float -> float
  abstract stringify -> string
  abstract sign -> int

class int extends num:
  static MAX ::= 0x7FFF_FFFF_FFFF_FFFF
  static MIN ::= -9223372036854775807 - 1
  operator + other -> int: return #primitive.core.int_add
  operator - other -> int: return #primitive.core.int_sub
  operator * other -> int: return #primitive.core.int_mul
  operator / other -> int: return #primitive.core.int_div
  operator % other -> int: return #primitive.core.int_mod
  operator - -> int: return #primitive.core.int_negate
  operator ~ -> int: return #primitive.core.int_not
  operator & other -> int: return #primitive.core.int_and
  operator | other -> int: return #primitive.core.int_or
  operator ^ other -> int: return #primitive.core.int_xor
  operator << shift -> int: return #primitive.core.int_shl
  operator >> shift -> int: return #primitive.core.int_shr
  operator >>> shift -> int: return #primitive.core.int_ushr
  operator < other -> bool: return #primitive.core.int_lt
  operator <= other -> bool: return #primitive.core.int_le
  operator > other -> bool: return #primitive.core.int_gt
  operator >= other -> bool: return #primitive.core.int_ge
  abs -> int: return this < 0 ? -this : this
  sign -> int: return this < 0 ? -1 : (this == 0 ? 0 : 1)
  to-int -> int: return this
  to-float -> float: return #primitive.core.int_to_float
  stringify -> string: return #primitive.core.int_to_string
  stringify radix/int -> string: return #primitive.core.int_to_string_radix
  repeat [block] -> none:
    for i := 0; i < this; i++: block.call i
  is-even -> bool: return this & 1 == 0
  is-odd -> bool: return this & 1 == 1
  /// The integer `text` (or its slice `from`..`to`) spells; `on-error` decides for bad text.
  static parse text from/int=0 to/int=text.size --radix/int=10 -> int: return #primitive.core.int_parse
  static parse text from/int=0 to/int=text.size --radix/int=10 [--on-error] -> int?: return #primitive.core.int_parse

class float extends num:
  static NAN ::= 0.0 / 0.0
  static INFINITY ::= 1.0 / 0.0
  operator + other -> float: return #primitive.core.float_add
  operator - other -> float: return #primitive.core.float_sub
  operator * other -> float: return #primitive.core.float_mul
  operator / other -> float: return #primitive.core.float_div
  operator % other -> float: return #primitive.core.float_mod
  operator - -> float: return #primitive.core.float_negate
  operator < other -> bool: return #primitive.core.float_lt
  operator <= other -> bool: return #primitive.core.float_le
  operator > other -> bool: return #primitive.core.float_gt
  operator >= other -> bool: return #primitive.core.float_ge
  abs -> float: return this < 0.0 ? -this : this
  sign -> int: return this < 0.0 ? -1 : (this == 0.0 ? 0 : 1)
  to-int -> int: return #primitive.core.float_to_int
  to-float -> float: return this
  round -> int: return #primitive.core.float_round
  floor -> float: return #primitive.core.float_floor
  ceil -> float: return #primitive.core.float_ceil
  sqrt -> float: return #primitive.core.float_sqrt
  is-nan -> bool: return this != this
  stringify -> string: return #primitive.core.float_to_string
  stringify precision/int -> string: return #primitive.core.float_to_string_precision
  /// The number `text` (or its slice `from`..`to`) spells; `if-error` decides for bad text.
  static parse text from/int=0 to/int=text.size -> float: return #primitive.core.float_parse
  static parse text from/int=0 to/int=text.size [--if-error] -> float?: return #primitive.core.float_parse

class string:
  size -> int: return #primitive.core.string_size
  is-empty -> bool: return size == 0
  operator + other -> string: return #primitive.core.string_add
  operator * count/int -> string: return #primitive.core.string_repeat
  operator [] index/int -> int: return #primitive.core.string_at
  operator [..] --from/int=0 --to/int=size -> string: return #primitive.core.string_slice
  operator < other/string -> bool: return (compare-to other) < 0
  operator > other/string -> bool: return (compare-to other) > 0
  compare-to other/string -> int: return #primitive.core.string_compare
  split separator/string -> List: return #primitive.core.string_split
  split separator/string [--at-first] -> List: return #primitive.core.string_split
  contains needle/string -> bool: return (index-of needle) >= 0
  last-index-of needle/string -> int: return #primitive.core.string_last_index_of
  starts-with prefix/string -> bool: return #primitive.core.string_starts_with
  ends-with suffix/string -> bool: return #primitive.core.string_ends_with
  trim -> string: return #primitive.core.string_trim
  to-upper-ascii -> string: return #primitive.core.string_upper
  to-lower-ascii -> string: return #primitive.core.string_lower
  to-int -> int: return int.parse this
  to-float -> float: return #primitive.core.string_to_float
  to-byte-array -> ByteArray: return #primitive.core.string_to_bytes
  stringify -> string: return this
  pad --left/int=0 --right/int=0 -> string: return #primitive.core.string_pad
  do [block] -> none:
    for i := 0; i < size; i++: block.call this[i]
  with --from/int --to/int -> string: return this[from..to]

class List:
  constructor:
  constructor size/int:
  constructor size/int filler:
  constructor size/int [generator]:
  constructor.with-capacity capacity/int:
  size -> int: return #primitive.core.list_size
  is-empty -> bool: return size == 0
  operator [] index/int: return #primitive.core.list_at
  operator []= index/int value: return #primitive.core.list_at_put
  operator [..] --from/int=0 --to/int=size -> List: return #primitive.core.list_slice
  operator + other/List -> List: return #primitive.core.list_concat
  add value -> none: #primitive.core.list_add
  add-all values/List -> none: values.do: add it
  remove-last: return #primitive.core.list_remove_last
  clear -> none: #primitive.core.list_clear
  first: return this[0]
  last: return this[size - 1]
  contains value -> bool: return (index-of value) >= 0
  index-of value -> int: return #primitive.core.list_index_of
  do [block] -> none:
    for i := 0; i < size; i++: block.call this[i]
  map [block] -> List: return #primitive.core.list_map
  filter [block] -> List: return #primitive.core.list_filter
  reduce [block]: return #primitive.core.list_reduce
  any [block] -> bool: return #primitive.core.list_any
  every [block] -> bool: return #primitive.core.list_every
  sort -> List: return #primitive.core.list_sort
  sort [compare] -> List: return #primitive.core.list_sort_by
  sort --in-place -> none: #primitive.core.list_sort_in_place
  join separator/string -> string: return #primitive.core.list_join
  stringify -> string: return #primitive.core.list_stringify

class Map:
  constructor:
  size -> int: return #primitive.core.map_size
  is-empty -> bool: return size == 0
  operator [] key: return #primitive.core.map_at
  operator []= key value: return #primitive.core.map_at_put
  get key: return #primitive.core.map_get
  get key [--if-absent]: return #primitive.core.map_get_if_absent
  contains key -> bool: return #primitive.core.map_contains
  remove key -> none: #primitive.core.map_remove
  keys -> List: return #primitive.core.map_keys
  values -> List: return #primitive.core.map_values
  do [block] -> none: #primitive.core.map_do
  do --keys [block] -> none: keys.do: block.call it
  do --values [block] -> none: values.do: block.call it
  stringify -> string: return #primitive.core.map_stringify

class Set:
  constructor:
  size -> int: return #primitive.core.set_size
  is-empty -> bool: return size == 0
  add value -> none: #primitive.core.set_add
  add-all values -> none: values.do: add it
  remove value -> none: #primitive.core.set_remove
  contains value -> bool: return #primitive.core.set_contains
  do [block] -> none: #primitive.core.set_do
  clear -> none: #primitive.core.set_clear
  stringify -> string: return #primitive.core.set_stringify

class ByteArray:
  constructor size/int:
  constructor size/int --filler/int:
  /// The SDK's forms: every byte `initial`, or what `initializer` gives for its index.
  constructor size/int --initial/int:
  constructor size/int [initializer]:
  size -> int: return #primitive.core.byte_array_size
  is-empty -> bool: return size == 0
  operator [] index/int -> int: return #primitive.core.byte_array_at
  operator []= index/int value/int: return #primitive.core.byte_array_at_put
  operator [..] --from/int=0 --to/int=size -> ByteArray: return #primitive.core.byte_array_slice
  operator + other/ByteArray -> ByteArray: return #primitive.core.byte_array_concat
  do [block] -> none:
    for i := 0; i < size; i++: block.call this[i]
  to-string -> string: return #primitive.core.byte_array_to_string
  to-string from/int to/int -> string: return #primitive.core.byte_array_to_string_range
  stringify -> string: return #primitive.core.byte_array_stringify

class Exception:
  value ::= ?
  trace ::= ?
  constructor .value .trace:
  stringify -> string: return "$value"

class Duration:
  static ZERO ::= Duration 0
  ns_/int
  constructor --h/int=0 --m/int=0 --s/int=0 --ms/int=0 --us/int=0 --ns/int=0:
    ns_ = ((((h * 60 + m) * 60 + s) * 1000 + ms) * 1000 + us) * 1000 + ns
  constructor .ns_:
  in-ns -> int: return ns_
  in-us -> int: return ns_ / 1000
  in-ms -> int: return ns_ / 1_000_000
  in-s -> int: return ns_ / 1_000_000_000
  operator + other/Duration -> Duration: return Duration (ns_ + other.ns_)
  operator - other/Duration -> Duration: return Duration (ns_ - other.ns_)
  operator < other/Duration -> bool: return ns_ < other.ns_
  operator > other/Duration -> bool: return ns_ > other.ns_
  stringify -> string: return "$(in-ms)ms"

class Time:
  ns_/int
  constructor.now: ns_ = #primitive.core.time_now
  constructor .ns_:
  static monotonic-us -> int: return #primitive.core.time_monotonic_us
  ms-since-epoch -> int: return ns_ / 1_000_000
  to duration/Time -> Duration: return Duration (duration.ns_ - ns_)
  stringify -> string: return #primitive.core.time_stringify

class Task:
  static current -> Task: return #primitive.core.task_current
  /// Runs each of `lambdas` in a task of its own; the results by index, once `required` are done.
  static divide lambdas/List --required/int=lambdas.size -> Map: return #primitive.core.task_divide
  cancel -> none: #primitive.core.task_cancel
  is-canceled -> bool: return #primitive.core.task_is_canceled
  deadline -> int?: return #primitive.core.task_deadline

class Lambda:
  call: return #primitive.core.lambda_call
  call a: return #primitive.core.lambda_call_1
  call a b: return #primitive.core.lambda_call_2
  call a b c: return #primitive.core.lambda_call_3
  call a b c d: return #primitive.core.lambda_call_4

/// What every monitor inherits: its methods may wait for a condition with `await`.
class Monitor_:
  await [condition] -> none: #primitive.core.monitor_await

/// Prints the string form of `message` on the console, with a line break.
print message -> none: #primitive.core.print
print -> none: print ""
/// Prints without yielding the current task (for debugging).
debug message -> none: #primitive.core.print
debug -> none: debug ""
/// Prints directly on stderr, past the print service: the SDK's packages (testing, cli) use it.
print-on-stderr_ object -> none: #primitive.core.print_on_stderr

/// Throws `value`: the current task unwinds to the nearest `catch`.
throw value -> none: #primitive.core.throw

/// Runs `block`; returns the exception it threw, or null.
catch [block]: return catch --trace=false block
catch --trace/bool=false --unwind/bool=false [block]: return #primitive.core.catch

/// Returns the value the exception-raising `block` gives, or the result of `on-error`.
rethrow exception trace -> none: #primitive.core.rethrow

sleep --ms/int -> none: #primitive.core.sleep
sleep duration/Duration -> none: #primitive.core.sleep_duration

/// The current task (the SDK's older spelling of Task.current).
task -> Task: return Task.current
/// Starts `code` in a new task of the current container.
task code/Lambda --name/string="User task" --background/bool=false -> Task: return #primitive.core.task_start

yield -> none: #primitive.core.yield
random -> int: return #primitive.core.random
random max/int -> int: return #primitive.core.random_max
random min/int max/int -> int: return #primitive.core.random_range
identical a b -> bool: return #primitive.core.identical
min a b: return a < b ? a : b
max a b: return a > b ? a : b
exit code/int -> none: #primitive.core.exit

/// Messaging between containers: the id of this container and a mailbox.
container-id -> int: return #primitive.core.container_id
send container/int message -> none: #primitive.core.send
receive: return #primitive.core.receive
receive --timeout/Duration: return #primitive.core.receive_timeout
spawn image-id/string --arguments/List=[] -> int: return #primitive.core.spawn

// ---- Names of the Toit SDK's core that programs use and that the Eave VM does not provide (yet):
// declared so that Toit code written for the SDK opens without false errors. The VM does not
// have them: the compiler, which compiles only the VM's core sources, reports a program using one.

/// The platform the program runs on: one of the PLATFORM- constants.
platform -> string: return #primitive.core.platform
PLATFORM-FREERTOS ::= "FreeRTOS"
PLATFORM-LINUX ::= "Linux"
PLATFORM-MACOS ::= "macOS"
PLATFORM-WINDOWS ::= "Windows"

/// What a task's operation throws when the deadline set by `with-timeout` passes.
DEADLINE-EXCEEDED-ERROR ::= "DEADLINE_EXCEEDED"
ASSERTION-FAILED-ERROR ::= "ASSERTION_FAILED"
OUT-OF-BOUNDS-ERROR ::= "OUT_OF_BOUNDS"
OUT-OF-RANGE-ERROR ::= "OUT_OF_RANGE"
INVALID-ARGUMENT-ERROR ::= "INVALID_ARGUMENT"
UNIMPLEMENTED-ERROR ::= "UNIMPLEMENTED"

/// Runs `block`, throwing DEADLINE-EXCEEDED-ERROR when it takes longer than the timeout.
with-timeout timeout/Duration? [block]: return #primitive.core.with_timeout
with-timeout --ms/int [block]: return #primitive.core.with_timeout
with-timeout --us/int [block]: return #primitive.core.with_timeout

/// Runs `block` without being interrupted by task cancelation.
critical-do --respect-deadline/bool=true [block]: return #primitive.core.critical_do

/// Marks code that is never reached: throws if it is.
unreachable -> none: #primitive.core.unreachable

/// What `compare-to` implementers declare: sorting works on them.
interface Comparable:
  compare-to other -> int
  compare-to other [--if-equal] -> int

/// The SDK's base class of its collections: a subclass gives `size` and `do`, the rest is
/// written with them (the ordered-collections package extends it).
abstract class CollectionBase implements Collection:
  abstract size -> int
  abstract do [block] -> none
  is-empty -> bool: return size == 0
  any [block] -> bool:
    do: if block.call it: return true
    return false
  every [block] -> bool:
    do: if not block.call it: return false
    return true
  contains element -> bool: return any: it == element
  reduce [block] -> any:
    result := null
    first := true
    do:
      if first: result = it
      else: result = block.call result it
      first = false
    return result
  reduce --initial [block] -> any:
    result := initial
    do: result = block.call result it
    return result

/// The SDK's interface of lists, sets, maps, deques and byte arrays: a type for code that takes
/// any of them.
interface Collection:
  size -> int
  is-empty -> bool
  do [block] -> none
  any [block] -> bool
  every [block] -> bool
  contains element -> bool
  reduce [block] -> any
  reduce --initial [block] -> any

/// The broken-down form of a Time (Time.local, Time.utc).
class TimeInfo:
  year/int
  month/int
  day/int
  h/int
  m/int
  s/int
  ns/int
  constructor --.year --.month --.day --.h=0 --.m=0 --.s=0 --.ns=0:

/// The state of a resource the system signals (pins, sockets): what SDK drivers wait on.
class ResourceState_:
  constructor group resource: #primitive.core.resource_state_new
  wait-for-state bits/int -> int: return #primitive.core.resource_state_wait
  clear-state bits/int -> none: #primitive.core.resource_state_clear
  dispose -> none: #primitive.core.resource_state_dispose

/// The number of leading zero bits of the 64-bit `value` (the SDK's older global spelling).
count-leading-zeros value/int -> int: return #primitive.core.count_leading_zeros

/// Sizes in bytes.
KB ::= 1024
MB ::= 1024 * 1024
BITS-PER-BYTE ::= 8
BITS-PER-WORD ::= 32
BYTES-PER-WORD ::= 4
LINE-TERMINATOR ::= "\n"

/// `value` rounded up (or down) to a multiple of `divisor`; both non-negative.
round-up value/int divisor/int -> int: return (value + divisor - 1) / divisor * divisor
round-down value/int divisor/int -> int: return value - value % divisor

/// Seeds the generator behind `random` with the bytes of `seed` (a string or a ByteArray).
set-random-seed seed -> none: #primitive.core.random_seed

/// Sets the time zone of local time as POSIX TZ rules ("CET-1CEST,M3.5.0,M10.5.0/3"); null for UTC.
set-timezone rules/string? -> none: #primitive.core.set_tz

/// A byte array outside the heap, cheap to hand to another container.
create-off-heap-byte-array size/int -> ByteArray: return #primitive.core.off_heap_bytes

/// Hexadecimal digits: the value of a digit character, and the character of a value 0..15.
hex-char-to-value char/int -> int: return #primitive.core.hex_value
hex-char-to-value char/int [--on-error] -> int: return #primitive.core.hex_value
hex-digit char/int -> int: return hex-char-to-value char
hex-digit char/int [error-block] -> int: return hex-char-to-value char --on-error=error-block
to-lower-case-hex value/int -> int: return "0123456789abcdef"[value]
to-upper-case-hex value/int -> int: return "0123456789ABCDEF"[value]

/// Memory statistics of the running program, indexed by the STATS-INDEX- constants.
STATS-INDEX-GC-COUNT ::= 0
STATS-INDEX-ALLOCATED-MEMORY ::= 1
STATS-INDEX-RESERVED-MEMORY ::= 2
STATS-INDEX-PROCESS-MESSAGE-COUNT ::= 3
STATS-INDEX-BYTES-ALLOCATED-IN-OBJECT-HEAP ::= 4
STATS-INDEX-GROUP-ID ::= 5
STATS-INDEX-PROCESS-ID ::= 6
STATS-INDEX-SYSTEM-FREE-MEMORY ::= 7
STATS-INDEX-SYSTEM-LARGEST-FREE ::= 8
STATS-INDEX-FULL-GC-COUNT ::= 9
STATS-INDEX-FULL-COMPACTING-GC-COUNT ::= 10
process-stats --gc/bool=false list/List=[] -> List: return #primitive.core.process_stats
process-stats --gc/bool=false group id list/List=[] -> List?: return #primitive.core.process_stats
gc-count -> int: return #primitive.core.gc_count
print-objects --marker/string="" --gc/bool=false -> none: #primitive.core.print_objects
print-objects marker/string -> none: #primitive.core.print_objects
print-objects marker/string gc/bool -> none: #primitive.core.print_objects

/// Versions of the VM and of the SDK that built the program.
vm-sdk-version -> string: return #primitive.core.vm_sdk_version
vm-sdk-info -> string: return #primitive.core.vm_sdk_info
vm-sdk-model -> string: return #primitive.core.vm_sdk_model
app-sdk-version -> string: return #primitive.core.app_sdk_version
app-sdk-info -> string: return #primitive.core.app_sdk_info

/// Counts executed bytecodes per method while it runs.
class Profiler:
  static install profile-all-tasks/bool -> none: #primitive.core.profiler_install
  static start -> none: #primitive.core.profiler_start
  static stop -> none: #primitive.core.profiler_stop
  static report title/string --cutoff/int=10 -> none: #primitive.core.profiler_report
  static encode title/string cutoff/int -> ByteArray: return #primitive.core.profiler_encode
  static uninstall -> none: #primitive.core.profiler_uninstall
  static do [block] -> any:
    start
    try:
      return block.call
    finally:
      stop

/// What a canceled task's operations throw.
CANCELED-ERROR ::= "CANCELED"

/// Calls `lambda` once `object` is no longer reachable; the SDK's finalizers.
add-finalizer object lambda/Lambda -> none: #primitive.core.add_finalizer
remove-finalizer object -> bool: return #primitive.core.remove_finalizer

/// The types of `true` alone and of `false` alone: a named parameter `--flag/True` tells one
/// overload from another (the SDK's host package opens pipes with `--parent-to-child/True`).
class True extends bool:
class False extends bool:

/// The resource group whose resources the SDK frees when their objects are collected; SDK
/// packages (host's directories and files) pass it to their primitives.
resource-freeing-module_ ::= get-generic-resource-group_
get-generic-resource-group_: return #primitive.core.get_generic_resource_group

/// The SDK core's messaging between processes, which packages (interop with native code) use:
/// a handler receives the system messages of a type it registered for.
interface SystemMessageHandler_:
  on-message type/int gid/int pid/int message/any -> none
set-system-message-handler_ type/int handler/SystemMessageHandler_ --priority/int=0 -> none: #primitive.core.set_system_message_handler
process-send_ pid/int type/int message -> bool: return #primitive.core.process_send
clear-system-message-handler_ type/int -> none: #primitive.core.clear_system_message_handler
/// The process of an external (non-Toit) library registered under `id`, or -1 (`system.external`).
pid-for-external-id_ id/string -> int: return #primitive.core.pid_for_external_id
/// The SDK's system message types, as its core numbers them.
SYSTEM-TERMINATED_ ::= 0
SYSTEM-SPAWNED_ ::= 1
SYSTEM-TRACE_ ::= 2
SYSTEM-RPC-REQUEST_ ::= 3
SYSTEM-RPC-REPLY_ ::= 4
SYSTEM-RPC-CANCEL_ ::= 5
SYSTEM-RPC-NOTIFY-TERMINATED_ ::= 6
SYSTEM-RPC-NOTIFY-RESOURCE_ ::= 7
SYSTEM-EXTERNAL-NOTIFICATION_ ::= 8
