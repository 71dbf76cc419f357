// The sending container: run it while "receiver" runs (see receiver.toit). Containers share
// nothing; a message is copied from one heap to the other.

main:
  send-message "receiver" "hello from main"
  send-message "receiver" 42
  send-message "receiver" [1, "two", #[3, 4]]
  print "main: sent 3 messages"
