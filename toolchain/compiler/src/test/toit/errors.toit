// Programs with errors get the errors and no image.
main:
  print (undefined-thing 3)         // expect error: unresolved
  x := 5
  x 3                               // expect error: call-variable
