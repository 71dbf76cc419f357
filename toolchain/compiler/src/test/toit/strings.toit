// String operations from the core library.
main:
  s := "Hello, World"
  print s.size                        // expect: 12
  print s[0]                          // expect: 72
  print s[7..]                        // expect: World
  print s[..5]                        // expect: Hello
  print (s.index-of "World")          // expect: 7
  print (s.contains "lo, W")          // expect: true
  print (s.starts-with "Hell")        // expect: true
  print s.to-upper                    // expect: HELLO, WORLD
  print "  padded  ".trim             // expect: padded
  print ("12" + "34").to-int + 1      // expect: 1235
  print "ab" * 3                      // expect: ababab
  print ("abc" < "abd")               // expect: true
  print "tab\there"                   // expect: tab	here
  print "a\$b"                        // expect: a$b
  print 'A'                           // expect: 65
  print (255.stringify 16)            // expect: ff
  print "$(%-4s "ab")|$(%04d 42)"     // expect: ab  |0042
  print 1e3                           // expect: 1000.0
  print 0x10 + 0b11                   // expect: 19
  print 1_000_000                     // expect: 1000000
