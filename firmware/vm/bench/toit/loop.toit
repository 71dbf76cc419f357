// Loops: nested counting loops with small-integer arithmetic, comparisons and bit operations.
main:
  sum := 0
  for i := 0; i < 10000; i++:
    for j := 0; j < 1000; j++:
      sum = (sum + (i ^ j) + (j & 7)) & 0xFFFFFF
  print sum
