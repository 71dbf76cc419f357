// Members of the SDK's string that Eave's core library provides too.
main:
  s := "héllo"
  print (s.at --raw 1)                  // expect: 195
  print (string.from-rune 'a')          // expect: a
  print (string.from-rune 0x2603)       // expect: ☃
  print (string.from-runes ['h', 0xe9, 'y'])  // expect: héy
  print "MiXeD 1".to-ascii-lower        // expect: mixed 1
  print "MiXeD 1".to-ascii-upper        // expect: MIXED 1
  print "[$("  pad  ".trim --right)]"   // expect: [  pad]
  print "[$("  pad  ".trim --left)]"    // expect: [pad  ]
  print ("hello.toit".trim --right ".toit")     // expect: hello
  print ("https://x".trim --left "https://")    // expect: x
  print ("abc".trim --left "x" --if-absent=: "none")  // expect: none
  print (",a,,b,".split "," --drop-empty)       // expect: [a, b]
  print ("a,b,c".split --at-first ",")          // expect: [a, b,c]
  print ("a,b".split "").size                   // expect: 3
  "x-y".split "-": print it
  // expect: x
  // expect: y
  print ("foobarfoo".index-of --last "foo")     // expect: 6
  print ("foobarfoo".index-of --last "foo" 1 6) // expect: -1
  print ("foobarfoo".index-of "foo" 1)          // expect: 6
  print ("foobarfoo".index-of "foo" 1 8)        // expect: -1
  print ("foobarfoo".index-of "gee" --if-absent=: "absent")  // expect: absent
  print ("hello".copy 1 3)              // expect: el
  print ("hello".copy 2)                // expect: llo
  print ("a-b-c".replace "-" "+")       // expect: a+b-c
  print ("a-b-c".replace --all "-" "+") // expect: a+b+c
  print ("a-b-c-d".replace --all "-" "+" 2 6)   // expect: a-b+c+d
  print ("a-b-c".replace --all "-": "<$it>")    // expect: a<->b<->c
  print ("abc".replace "x" "y")         // expect: abc
  print ("a-b".contains "-" 2)          // expect: false
  print ("b".compare-to "a" --if-equal=: 0)   // expect: 1
  print ("a".compare-to "a" --if-equal=: 5)   // expect: 5
  print ("hello".to-string 1 4)         // expect: ell
