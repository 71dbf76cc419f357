// break inside a block leaves the loop around the block.
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
