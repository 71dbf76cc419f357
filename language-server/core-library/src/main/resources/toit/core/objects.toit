// The root classes and the values every program has: objects, null, booleans, printing,
// exceptions. Written in Toit on the VM's primitives (firmware/vm/primitives.h); the compiler
// tree-shakes what a program does not reach, so a method here costs nothing unless used.

/// The root of every class.
class Object:
  /// Whether this object equals $other; identity unless a class says otherwise.
  operator == other -> bool:
    return identical this other

  /// A hash code consistent with $(==).
  hash-code -> int:
    return identity-hash_ this

  /// A readable text for this object; classes override it.
  stringify -> string:
    return "an instance of $(class-name_ this)"

/// Whether $a and $b are the same object (numbers compare by value).
identical a/any b/any -> bool:
  #primitive.core.identical

identity-hash_ o/any -> int:
  #primitive.core.identity-hash

class-name_ o/any -> string:
  #primitive.core.class-name

/// The class of `null`.
class Null_:
  stringify -> string:
    return "null"

/// The booleans `true` and `false`.
abstract class bool:

class True_ extends bool:
  stringify -> string:
    return "true"

class False_ extends bool:
  stringify -> string:
    return "false"

/// Prints $message (made a string with `stringify`) on the container's console.
print message/any -> none:
  print_ message.stringify

print_ text/string -> none:
  #primitive.core.print

/// Throws $value: the nearest enclosing $catch receives it.
throw value/any -> none:
  #primitive.core.throw

/**
Runs $block and returns null, or the value it threw.
With $trace the exception and where it was thrown are printed.
With $unwind the exception is rethrown after it is handled (printed).
*/
catch --trace/bool=false --unwind/bool=false [block] -> any:
  #primitive.core.catch

/// Ends the container with the exit code $code (0 means success).
exit code/int -> none:
  #primitive.core.exit

/// An exception with a message, for programs that throw more than strings.
class Exception:
  value/any
  message/string

  constructor .value .message:

  stringify -> string:
    return "$value: $message"

class Exception_ extends Exception:
  constructor value/any message/string:
    super value message

/// A lambda, made with `::`; call it with $call.
class Lambda:
  call -> any:
    #primitive.core.call
  call a -> any:
    #primitive.core.call
  call a b -> any:
    #primitive.core.call
  call a b c -> any:
    #primitive.core.call
  call a b c d -> any:
    #primitive.core.call

/// A block, made with `:`; it lives only while the call it was passed to runs.
class Block_:
  call -> any:
    #primitive.core.call
  call a -> any:
    #primitive.core.call
  call a b -> any:
    #primitive.core.call
  call a b c -> any:
    #primitive.core.call
  call a b c d -> any:
    #primitive.core.call
