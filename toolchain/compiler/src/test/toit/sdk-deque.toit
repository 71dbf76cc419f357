// Deque, as the SDK has it: both ends, indexing, insert and remove, searches, reductions.
main:
  d := Deque
  d.add 2
  d.add 3
  d.add-first 1
  d.add-first 0
  print d                               // expect: [0, 1, 2, 3]
  print d.size                          // expect: 4
  print d.first                         // expect: 0
  print d.last                          // expect: 3
  print d.remove-first                  // expect: 0
  print d.remove-last                   // expect: 3
  print d                               // expect: [1, 2]
  d.add-all [7, 8, 9]
  print d                               // expect: [1, 2, 7, 8, 9]
  print (d.index-of 8)                  // expect: 3
  print (d.contains 9)                  // expect: true
  print (d.any: it > 8)                 // expect: true
  print (d.every: it > 0)               // expect: true
  print (d.reduce: | a b | a + b)       // expect: 27
  print (d.reduce --initial=100: | a b | a + b)// expect: 127
  d.insert --at=1 5
  print d                               // expect: [1, 5, 2, 7, 8, 9]
  print (d.remove --at=0)               // expect: 1
  print d                               // expect: [5, 2, 7, 8, 9]
  d.do --reversed: print it
  // expect: 9
  // expect: 8
  // expect: 7
  // expect: 2
  // expect: 5
  print d[1]                            // expect: 2
  d[1] = 70
  print (d.copy 1 3)                    // expect: [70, 7]
  d.reserve 10
  10.repeat: d.add-first it
  print d                               // expect: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 5, 70, 7, 8, 9]
  15.repeat: d.remove-first
  print d                               // expect: []
  print d.is-empty                      // expect: true
  d.clear
  print d.size                          // expect: 0
  sorted := Deque.from [1, 3, 5]
  sorted.add-first 0
  print (sorted.index-of --binary 3)    // expect: 2
  print (sorted.index-of 4 --binary-compare=(: | a b | a - b) --if-absent=: "at $it")  // expect: at 3
  print (sorted.index-of 9 --if-absent=: "none")  // expect: none
