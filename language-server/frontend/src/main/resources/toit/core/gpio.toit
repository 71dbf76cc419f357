// Digital pins (library module `gpio`); simulated on the host device.
class Pin:
  num/int
  constructor .num --input/bool=false --output/bool=false --pull-up/bool=false --pull-down/bool=false:
  set value/int -> none: #primitive.gpio.set
  get -> int: return #primitive.gpio.get
  configure --input/bool=false --output/bool=false --pull-up/bool=false --pull-down/bool=false -> none:
    #primitive.gpio.configure
  wait-for value/int -> none: #primitive.gpio.wait_for
  close -> none: #primitive.gpio.close
