// Errors only the code generator finds, once the front end is satisfied.
main:
  x := 5
  x 3                               // expect error: call-variable
