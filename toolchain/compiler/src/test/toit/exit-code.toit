// exit ends the container with a code.
main:
  print "leaving"                   // expect: leaving
  exit 3
  print "never"
// expect exit: 3
