// Recursive calls: fib 32 by the naive recursion (7 million calls).
fib n/int -> int:
  if n < 2: return n
  return (fib n - 1) + (fib n - 2)

main:
  print (fib 32)
