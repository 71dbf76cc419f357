// Monitors wait with await; channels pass values between the tasks of a container.
monitor Counter:
  count_ := 0
  increment -> none:
    count_++
  wait-for n/int -> int:
    await: count_ >= n
    return count_

main:
  counter := Counter
  task::
    5.repeat:
      counter.increment
      yield
  print (counter.wait-for 5)           // expect: 5
  channel := Channel 2
  task::
    3.repeat: channel.send it * 10
    channel.send null
  while value := channel.receive:
    print value
  // expect: 0
  // expect: 10
  // expect: 20
  print "done"                         // expect: done
