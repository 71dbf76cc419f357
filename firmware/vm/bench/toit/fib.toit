// Recursive calls: fib 30 by the naive recursion (1.6 million calls).
fib n/int -> int:
  if n < 2: return n
  return (fib n - 1) + (fib n - 2)

main:
  print (fib 30)
