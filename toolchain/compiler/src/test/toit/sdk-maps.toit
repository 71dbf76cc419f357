// Members of the SDK's Map that Eave's core library provides too.
main:
  counts := {:}
  "abca".do: counts.update it --if-absent=1: it + 1
  print counts                          // expect: {97: 2, 98: 1, 99: 1}
  counts.update 'a': it * 100
  print counts['a']                     // expect: 200
  counts.update 'z' --if-absent=(: it - 'a'): it + 1
  print counts['z']                     // expect: 25
  print (catch: counts.update 'y': it)  // expect: NOT_FOUND: key 121
  g := {:}
  g.update "k" --init=0: it + 5
  g.update "k" --init=0: it + 5
  print g                               // expect: {k: 10}
  g.update "j" --init=(: [it]): it + [1]
  print g["j"]                          // expect: [j, 1]
  print (g.get "k" --if-present=: it * 2)     // expect: 20
  print (g.get "nope" --if-present=: it * 2)  // expect: null
  print (g.get "nope" --if-present=(: it) --if-absent=: "absent $it")  // expect: absent nope
  print (g.get "x" --init=: 42)         // expect: 42
  print g.size                          // expect: 3

  m := {"a": 1, "b": 2, "c": 3}
  print (m.reduce --values: | a b | a + b)    // expect: 6
  print (m.reduce --keys: | a b | a + b)      // expect: abc
  print (m.reduce --values --initial=10: | a b | a + b)  // expect: 16
  print (m.reduce --initial=0: | sum k v | sum + v)      // expect: 6
  print (m.filter: | k v | v > 1)       // expect: {b: 2, c: 3}
  print (m.any: | k v | v == 2)         // expect: true
  print (m.any --values: it == 5)       // expect: false
  print (m.any --keys: it == "c")       // expect: true
  print (m.every: | k v | v > 0)        // expect: true
  print (m.every --keys: it.size == 1)  // expect: true
  print (m.every --values: it < 3)      // expect: false
  print (m.map: | k v | v * 2)          // expect: {a: 2, b: 4, c: 6}
  m.filter --in-place: | k v | v != 2
  print m                               // expect: {a: 1, c: 3}
  m["d"] = 4
  print m                               // expect: {a: 1, c: 3, d: 4}
  print m.first                         // expect: a
  print m.last                          // expect: d
  m.do --reversed: | k v | print "$k=$v"
  // expect: d=4
  // expect: c=3
  // expect: a=1
  m.remove "zz" --if-absent=: print "no $it"  // expect: no zz
  m.map --in-place: | k v | v + 1
  copy := m.copy
  m.clear
  print copy                            // expect: {a: 2, c: 4, d: 5}
  print m                               // expect: {:}
  m["e"] = 5
  print m                               // expect: {e: 5}
  m["f"] = 6
  m.do --values --reversed: print it
  // expect: 6
  // expect: 5
  m.do --keys --reversed: print it
  // expect: f
  // expect: e
  m.do --keys: print it
  // expect: e
  // expect: f
