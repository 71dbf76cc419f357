// A first Toit program for Eave: Run As > Toit Application runs it on the simulated device;
// Debug As stops at the breakpoints you set in the ruler.

import math

/**
A blinking LED, simulated: each tick toggles the state and prints it.
/* Comments nest, so code with comments can be commented out. */
*/
class Led:
  name/string
  on_ := false

  constructor .name:

  toggle -> none:
    on_ = not on_
    print "$name is $(on_ ? "on" : "off")"

main:
  led := Led "status"
  ticks := 0
  while ticks < 5:
    led.toggle
    ticks++
  print "pi is about $(%.3f math.PI) after $ticks ticks"
  greet "Eave" --times=2

/// Prints a greeting [times] times.
greet who/string --times/int=1 -> none:
  times.repeat:
    print "Hello, $who! ('\u{1F44B}' is $(0x1F44B) in hex: 0x1F44B)"
