// The idle container of docs/benchmarks.md: starts, then sleeps (the RAM it holds while idle).
main:
  print "started"
  sleep --ms=1_000_000
