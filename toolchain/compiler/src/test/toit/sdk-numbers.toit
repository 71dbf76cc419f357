// Members of the SDK's int, float and num that Eave's core library provides too.
main:
  n := -255
  print (255.to-string --radix=16)      // expect: ff
  print (n.to-string --radix=2)         // expect: -11111111
  print 42.to-string                    // expect: 42
  minus-one := -1
  print (minus-one.to-string --uint64)  // expect: 18446744073709551615
  print (3.compare-to 5)                // expect: -1
  print (5.compare-to 5)                // expect: 0
  print (2.5.compare-to 1)              // expect: 1
  print ((0.0 / 0.0).compare-to 1.0)    // expect: 1
  negative-zero := -0.0
  print (negative-zero.compare-to 0.0)  // expect: -1
  print (1.compare-to 1 --if-equal=: 7) // expect: 7
  print 1.count-leading-zeros           // expect: 63
  print 0.count-leading-zeros           // expect: 64
  print minus-one.count-leading-zeros   // expect: 0
  print 8.count-trailing-zeros          // expect: 3
  print 0xff.population-count           // expect: 8
  print minus-one.population-count      // expect: 64
  print 7.parity                        // expect: 1
  print 6.parity                        // expect: 0
  print 16.sqrt                         // expect: 4.0
  print (1.0.bits.to-string --radix=16) // expect: 3ff0000000000000
  print (0.1.bits.to-string --radix=16) // expect: 3fb999999999999a
  minus-two-and-a-half := -2.5
  print (minus-two-and-a-half.bits.to-string --uint64)  // expect: 13836183955189006336
  print 1.5e-310.bits                   // expect: 30360337996097
  print negative-zero.bits              // expect: -9223372036854775808
  print (float.from-bits 0x3ff8000000000000)  // expect: 1.5
  print (float.from-bits 0.1.bits)      // expect: 0.1
  print (float.from-bits 1.5e-310.bits) // expect: 1.5e-310
  print (float.from-bits (1.0 / 0.0).bits)    // expect: inf
  print (1.0.bits32.to-string --radix=16)     // expect: 3f800000
  print (0.1.bits32.to-string --radix=16)     // expect: 3dcccccd
  print (minus-two-and-a-half.bits32.to-string --radix=16)  // expect: c0200000
  print (1e40.bits32.to-string --radix=16)    // expect: 7f800000
  print (1e-40.bits32.to-string --radix=16)   // expect: 116c2
  print (float.from-bits32 0x3dcccccd)        // expect: 0.10000000149011612
  print (float.from-bits32 0xc0200000)        // expect: -2.5
  print (float.from-bits32 0x000116c2)        // expect: 9.99994610111476e-41
