main:
  print "Hello, Toit!"
