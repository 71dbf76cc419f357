// Blinks an LED: on a board the pin drives a real LED; on the simulated device the pin is
// simulated and its changes are printed.

import gpio

LED-PIN ::= 2
PERIOD-MS ::= 500

main:
  led := gpio.Pin LED-PIN --output
  on := false
  10.repeat:
    on = not on
    led.set (on ? 1 : 0)
    print "LED $(on ? "on" : "off")"
    sleep --ms=PERIOD-MS
  led.close
