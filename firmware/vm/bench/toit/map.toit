// Map operations: inserts, updates and lookups with integer and string keys.
main:
  m := {:}
  for i := 0; i < 200000; i++:
    m[(i * 7919) % 200003] = i
  sum := 0
  for i := 0; i < 1000000; i++:
    v := m.get i % 250000
    if v != null: sum = (sum + v) & 0xFFFFFF
  names := {:}
  for i := 0; i < 100000; i++:
    key := "k$(i % 5000)"
    names[key] = (names.get key --if-absent=: 0) + i
  names.do: | k v | sum = (sum + v + k.size) & 0xFFFFFF
  print sum + m.size + names.size
