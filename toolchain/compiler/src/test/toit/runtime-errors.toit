// Runtime errors end the program with the error; what ran before it printed.
main:
  list := [1, 2]
  print list.size                   // expect: 2
  print (10 / (list.size - 2))
// expect runtime error: DIVISION_BY_ZERO
