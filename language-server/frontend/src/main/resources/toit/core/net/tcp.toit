// TCP sockets (library module `net.tcp`); on the simulator they are host sockets.
class Socket:
  write data -> int: return #primitive.tcp.write
  read -> ByteArray?: return #primitive.tcp.read
  close -> none: #primitive.tcp.close

class ServerSocket:
  accept -> Socket: return #primitive.tcp.accept
  local-port -> int: return #primitive.tcp.local_port
  close -> none: #primitive.tcp.close

connect host/string port/int -> Socket: return #primitive.tcp.connect
listen port/int -> ServerSocket: return #primitive.tcp.listen
