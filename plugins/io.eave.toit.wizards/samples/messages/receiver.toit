// The receiving container: run it first (Run As > Toit Application on this file, or
// `./eave run receiver.toit --keep`); it is installed as the container "receiver" and waits.

main:
  print "receiver: waiting for 3 messages"
  3.repeat:
    message := receive-message
    print "receiver: got $message"
  print "receiver: done"
