// Interfaces, mixins, operators ==, tasks, nested blocks, static methods, setters through this.
interface Named:
  name -> string

mixin Loud:
  shout msg/string -> string:
    return msg.to-upper + "!"

class Animal implements Named:
  name/string
  constructor .name:
  operator == other -> bool:
    return other is Animal and name == other.name
  hash-code -> int:
    return name.hash-code

class Dog extends Animal with Loud:
  constructor name/string:
    super name
  speak -> string:
    return shout "woof from $name"

class Util:
  static twice x/int -> int:
    return x * 2

make-counter -> Lambda:
  n := 0
  return :: n++; n

main:
  d := Dog "Rex"
  print d.speak                           // expect: WOOF FROM REX!
  print (d is Named)                      // expect: true
  print (d is Loud)                       // expect: true
  print (d == (Dog "Rex"))                // expect: true
  print (d == (Dog "Max"))                // expect: false
  seen := {}
  seen.add (Animal "a")
  seen.add (Animal "a")
  print seen.size                         // expect: 1
  print (Util.twice 21)                   // expect: 42
  total := 0
  [1, 2].do: | x |
    [10, 20].do: | y |
      total += x * y
  print total                             // expect: 90
  done := false
  task::
    print "in task"
    done = true
  print "before yield"                    // expect: before yield
  sleep --ms=10
  // expect: in task
  print "after sleep"                     // expect: after sleep
  print done                              // expect: true
  count := 0
  increment := :: count++
  3.repeat: increment.call
  print count                             // expect: 3
  counter := make-counter
  counter.call
  print counter.call                      // expect: 2
  m := {:}
  m[d] = 1
  print (m.contains (Dog "Rex"))          // expect: true
  x := null
  print (x == null)                       // expect: true
  print (x or "default")                  // expect: default
  n := 17
  print (n.is-odd ? "odd" : "even")       // expect: odd
  print (n.abs)                           // expect: 17
  print (-5).abs                          // expect: 5
  print (3.7).floor                       // expect: 3.0
  print (7 % 3)                           // expect: 1
  print 2.5 * 2                           // expect: 5.0
