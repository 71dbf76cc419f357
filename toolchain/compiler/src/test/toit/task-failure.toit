// An exception that leaves a task other than main ends that task only; the console says why.
main:
  task:: throw "task trouble"
  sleep --ms=20
  // expect: a task ended with an uncaught exception: task trouble
  print "main goes on"                 // expect: main goes on
