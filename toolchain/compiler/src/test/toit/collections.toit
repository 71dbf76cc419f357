// Lists, maps, sets, blocks and lambdas.
main:
  list := [3, 1, 2]
  list.add 5
  print list                            // expect: [3, 1, 2, 5]
  print list.size                       // expect: 4
  print (list.map: it * 2)              // expect: [6, 2, 4, 10]
  print (list.filter: it > 1)           // expect: [3, 2, 5]
  print (list.reduce: | a b | a + b)    // expect: 11
  sorted := list.sort
  print sorted                          // expect: [1, 2, 3, 5]
  print list                            // expect: [3, 1, 2, 5]
  print (list.sort: | a b | b - a)      // expect: [5, 3, 2, 1]
  list.sort --in-place
  print list                            // expect: [1, 2, 3, 5]
  print list[1..3]                      // expect: [2, 3]
  m := {"one": 1, "two": 2}
  m["three"] = 3
  print m["two"]                        // expect: 2
  print m.size                          // expect: 3
  print (m.get "four")                  // expect: null
  m.do: | k v | print "$k=$v"
  // expect: one=1
  // expect: two=2
  // expect: three=3
  s := {1, 2, 2, 3}
  print s.size                          // expect: 3
  print (s.contains 2)                  // expect: true
  sum := 0
  10.repeat: sum += it
  print sum                             // expect: 45
  double := :: | x | x * 2
  print (double.call 21)                // expect: 42
  print (find-first [4, 7, 9] 7)        // expect: 1
  words := "a,b,c".split ","
  print words                           // expect: [a, b, c]
  print (words.join "-")                // expect: a-b-c
  bytes := #[1, 2, 255]
  print bytes                           // expect: #[1, 2, 255]
  print "x=$(%5d 42)|"                  // expect: x=   42|
  print "$(%.2f 3.14159)"               // expect: 3.14

find-first list/List value -> int:
  list.size.repeat:
    if list[it] == value: return it
  return -1
