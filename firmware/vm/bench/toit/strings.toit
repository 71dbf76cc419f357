// String building: interpolation and concatenation into growing strings.
main:
  total := 0
  for j := 0; j < 20000; j++:
    s := ""
    for i := 0; i < 100; i++:
      s += "$i,"
    total += s.size + s[j % s.size]
  print total
