// Serial ports (library module `uart`).
class Port:
  constructor --tx/int --rx/int --baud-rate/int=115200:
  write data -> int: return #primitive.uart.write
  read -> ByteArray?: return #primitive.uart.read
  close -> none: #primitive.uart.close
