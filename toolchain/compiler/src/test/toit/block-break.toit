// break and continue inside a block act on the loop around the block.
main:
  found := -1
  for i := 0; i < 10; i++:
    [3, 5, 7].do:
      if it == 5 and i == 2:
        found = i
        break
  print found                          // expect: 2
  count := 0
  while true:
    count++
    3.repeat:
      if count == 4: break
  print count                          // expect: 4
  // continue inside a block continues the loop around the block.
  skipped := []
  for i := 0; i < 4; i++:
    [1, 2].do:
      if i % 2 == 1: continue
      skipped.add "$i.$it"
  print skipped                        // expect: [0.1, 0.2, 2.1, 2.2]
  n := 0
  total := 0
  while n < 5:
    n++
    2.repeat:
      if n == 3: continue
      total += n
  print total                          // expect: 24
