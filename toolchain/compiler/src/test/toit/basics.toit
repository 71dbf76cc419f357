// Locals, arithmetic, strings, control flow.
add a b:
  return a + b

fib n/int -> int:
  if n < 2: return n
  return (fib n - 1) + (fib n - 2)

main:
  x := 40
  y := 2
  print (add x y)                 // expect: 42
  print "sum: $(x + y)"           // expect: sum: 42
  print "$x and $y"               // expect: 40 and 2
  print (fib 20)                  // expect: 6765
  total := 0
  for i := 0; i < 10; i++:
    if i % 2 == 0: continue
    total += i
  print total                     // expect: 25
  n := 0
  while true:
    n++
    if n == 5: break
  print n                         // expect: 5
  print (x > y ? "bigger" : "smaller")  // expect: bigger
  print (not true)                // expect: false
  print (3 == 3 and 4 != 5)       // expect: true
  s := "hello"
  print s.size                    // expect: 5
  print (s + " world")            // expect: hello world
  print 7 / 2                     // expect: 3
  print 7.0 / 2                   // expect: 3.5
  print -x                        // expect: -40
  print 1 << 40                   // expect: 1099511627776
  check-chains

// Chains of if and else if with bodies on the same line.
classify n/int -> string:
  if n < 0: return "negative"
  else if n == 0: return "zero"
  else if n < 10: return "small"
  else: return "large"

check-chains:
  print (classify -3)              // expect: negative
  print (classify 0)               // expect: zero
  print (classify 7)               // expect: small
  print (classify 70)              // expect: large
