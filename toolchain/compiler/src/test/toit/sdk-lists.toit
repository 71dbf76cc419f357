// Members of the SDK's List, ByteArray and Duration that Eave's core library provides too.
main:
  print [3, 1, 2].is-sorted             // expect: false
  print [1, 2, 2, 5].is-sorted          // expect: true
  print ([3, 2, 1].is-sorted: | a b | b - a)  // expect: true
  l := [3, 1, 2]
  l.resize 5
  print l                               // expect: [3, 1, 2, null, null]
  l.resize 2
  print l                               // expect: [3, 1]
  l.fill 7
  print l                               // expect: [7, 7]
  squares := List 4
  squares.fill: it * it
  print squares                         // expect: [0, 1, 4, 9]
  squares.fill --from=1 --to=3 0
  print squares                         // expect: [0, 0, 0, 9]
  r := [1, 2, 3, 2, 1]
  r.remove 2
  print r                               // expect: [1, 3, 2, 1]
  r.remove --last 1
  print r                               // expect: [1, 3, 2]
  r.add 3
  r.remove --all 3
  print r                               // expect: [1, 2]
  print (r.remove --at=0)               // expect: 1
  print r                               // expect: [2]
  q := [1, 2, 3, 4, 5]
  q.replace 0 q 2 5
  print q                               // expect: [3, 4, 5, 4, 5]
  q.replace 2 [9, 8]
  print q                               // expect: [3, 4, 9, 8, 5]
  q.replace 1 q 0 3
  print q                               // expect: [3, 3, 4, 9, 5]
  q.insert --at=1 0
  print q                               // expect: [3, 0, 3, 4, 9, 5]
  total := List.chunk-up 0 10 3: | from to size | print "$from..$to: $size"
  // expect: 0..3: 3
  // expect: 3..6: 3
  // expect: 6..9: 3
  // expect: 9..10: 1
  print total                           // expect: 10
  List.chunk-up 2 9 1 4: | from to size | print "$from..$to"
  // expect: 2..3
  // expect: 3..7
  // expect: 7..9
  tens := [1, 2, 3]
  tens.map --in-place: it * 10
  print tens                            // expect: [10, 20, 30]
  tens.filter --in-place: it > 10
  print tens                            // expect: [20, 30]
  print ([1, 2, 1].index-of --last 1)   // expect: 2
  print ([1, 2, 1].index-of 1 1)        // expect: 2
  print ([1, 3, 5, 7, 9].index-of --binary 7)  // expect: 3
  print ([1, 3, 5, 7, 9].index-of --binary 4)  // expect: -1
  print ([1, 3, 5, 7, 9].index-of --binary 4 --if-absent=: "insert at $it")  // expect: insert at 2
  print ([1, 2].join ", ": "<$it>")     // expect: <1>, <2>
  print ([1, 2, 3].reduce --initial=10: | a b | a + b)  // expect: 16
  print ([1, 2, 3].copy 1)              // expect: [2, 3]

  bytes := ByteArray.from "hey"
  print bytes                           // expect: #[104, 101, 121]
  print (ByteArray.from #[1, 2, 3, 4] 1 3)    // expect: #[2, 3]
  bytes.fill 1
  print bytes                           // expect: #[1, 1, 1]
  bytes.fill: it + 5
  print bytes                           // expect: #[5, 6, 7]
  print (bytes.copy 1)                  // expect: #[6, 7]
  bytes.replace 0 #[9, 8]
  print bytes                           // expect: #[9, 8, 7]
  print (bytes.index-of 7)              // expect: 2
  print (bytes.index-of 1)              // expect: -1
  bytes.do --reversed: print it
  // expect: 7
  // expect: 8
  // expect: 9

  print (Duration --ms=0).is-zero       // expect: true
  print (Duration --us=1).is-zero       // expect: false
  print (List 3 --initial=0xbf)          // expect: [191, 191, 191]
  print (#[0x68, 0xc3, 0xa9].is-valid-string-content)      // expect: true
  print (#[0x68, 0xc3, 0xa9].is-valid-string-content 0 2)  // expect: false
  print (#[0xc0, 0x80].is-valid-string-content)            // expect: false
  print (#[0xed, 0xa0, 0x80].is-valid-string-content)      // expect: false
  print (#[0x61, 0xff, 0xfe, 0x62, 0xc3, 0xa9].to-string-non-throwing)  // expect: a�bé
  print (#[0x61, 0x62].to-string-non-throwing)             // expect: ab
