// Errors only the code generator finds, once the front end is satisfied.
main:
  x := 5
  x 3                               // expect error: call-variable
  [1, 2].do:
    if it == 1: continue            // expect error: continue-outside-loop
