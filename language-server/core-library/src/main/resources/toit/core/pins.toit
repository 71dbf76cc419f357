// Digital pins (module `gpio`): on the simulated device and the QEMU boards a pin is simulated:
// it keeps its level, and an output pin prints when the level changes when asked to.

/// A digital pin: `gpio.Pin 2 --output`, then `set 1` / `get`.
class Pin:
  num/int
  value_ := 0
  output_/bool

  constructor .num --output/bool=false --input/bool=false --pull-up/bool=false --pull-down/bool=false:
    output_ = output
    if pull-up: value_ = 1

  /// Drives the pin to $value (0 or 1); only output pins can be driven.
  set value/int -> none:
    if not output_: throw "INVALID_STATE: pin $num is not an output (open it with --output)"
    if value != 0 and value != 1: throw "INVALID_ARGUMENT: a pin level is 0 or 1, not $value"
    value_ = value

  /// The pin's level, 0 or 1.
  get -> int:
    return value_

  close -> none:
