// throw, catch, try/finally.
risky n:
  if n > 2: throw "too big: $n"
  return n

main:
  e := catch: risky 5
  print e                                // expect: too big: 5
  print (catch: risky 1)                 // expect: null
  try:
    print "in try"                       // expect: in try
  finally:
    print "finally runs"                 // expect: finally runs
  r := catch:
    try:
      throw "inner"
    finally:
      print "cleanup"                    // expect: cleanup
  print r                                // expect: inner
  // expect: finally after return
  print (early-return)                   // expect: 7
  x := [1, 2, 3]
  print (catch: x[5])                    // expect: OUT_OF_BOUNDS: index 5 of a list of size 3
  risky 9
  print "not reached"
// expect uncaught: too big: 9

early-return -> int:
  try:
    return 7
  finally:
    print "finally after return"
