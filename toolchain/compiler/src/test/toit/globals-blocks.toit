// Globals with lazy initialisers, blocks with non-local return, lambdas capturing values.
LIMIT ::= 3
counter := 0
greeting := compute-greeting

compute-greeting -> string:
  print "initialising"
  return "hi"

first-even list/List -> any:
  list.do:
    if it % 2 == 0: return it
  return null

twice [block]:
  block.call
  block.call

make-adder n/int -> Lambda:
  return :: | x | x + n

main:
  print LIMIT                        // expect: 3
  counter += 2
  counter++
  print counter                      // expect: 3
  print greeting                     // expect: initialising
  // expect: hi
  print greeting                     // expect: hi
  print (first-even [1, 3, 4, 6])    // expect: 4
  print (first-even [1, 3])          // expect: null
  n := 0
  twice: n += 10
  print n                            // expect: 20
  add5 := make-adder 5
  print (add5.call 10)               // expect: 15
  print ([1, 2, 3].any: it > 2)      // expect: true
  nested := 0
  3.repeat: | i |
    2.repeat: | j |
      nested += i * j
  print nested                       // expect: 3
