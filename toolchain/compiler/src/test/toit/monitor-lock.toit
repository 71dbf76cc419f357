// A monitor's methods exclude each other across sleeps and yields; the lock is reentrant, given
// back on return, exception and non-local return, and released while a task awaits.
monitor Log:
  lines_ := []

  // Sleeps half-way: without the lock, the other task's call would interleave.
  step name/string -> none:
    lines_.add "enter $name"
    sleep --ms=5
    yield
    lines_.add "leave $name"

  // A monitor method calling another one on the same monitor does not wait for itself.
  twice name/string -> none:
    step "$name.1"
    step "$name.2"

  fail -> none:
    lines_.add "fail"
    sleep --ms=1
    throw "FAILED"

  find-first list/List -> any:
    list.do:
      if it > 10: return it   // non-local return out of the monitor method
    return null

  early x/int -> int:
    try:
      if x > 0: return x
    finally:
      lines_.add "finally $x"
    return -1

  lines -> List: return lines_

monitor Gate:
  open_ := false

  pass name/string log/List -> none:
    await: open_
    log.add "$name passed"

  open -> none:
    open_ = true

main:
  log := Log
  done := 0
  task::
    log.step "a"
    done++
  task::
    log.twice "b"
    done++
  log.step "main"
  while done < 2: yield
  log.lines.do: print it
  // expect: enter main
  // expect: leave main
  // expect: enter a
  // expect: leave a
  // expect: enter b.1
  // expect: leave b.1
  // expect: enter b.2
  // expect: leave b.2

  other := Log
  failed := false
  task::
    print (catch: other.fail)   // expect: FAILED
    failed = true
  yield
  other.step "after"            // waits for the failing call, then gets the lock
  print failed                  // expect: true
  print (other.find-first [3, 12, 40])   // expect: 12
  print (other.early 4)         // expect: 4
  print (other.early 0)         // expect: -1
  other.step "last"             // would wait forever if a way out had kept the lock
  other.lines.do: print it
  // expect: fail
  // expect: enter after
  // expect: leave after
  // expect: finally 4
  // expect: finally 0
  // expect: enter last
  // expect: leave last

  // await gives the lock up: the opener gets in while two tasks wait inside `pass`.
  gate := Gate
  passed := []
  task:: gate.pass "x" passed
  task:: gate.pass "y" passed
  yield
  print passed.size             // expect: 0
  gate.open
  while passed.size < 2: yield
  print passed.size             // expect: 2
