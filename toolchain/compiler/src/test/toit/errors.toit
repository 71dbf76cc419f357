// Programs with errors get the errors and no image: the front end's checks come first.
main:
  print (undefined-thing 3)         // expect error: unresolved-name
  print 1 2 3 4                     // expect error: wrong-argument-count
