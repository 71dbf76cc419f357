package io.eave.toit.validation;

import static io.eave.toit.FrontEndSupport.FRONT_END;
import static io.eave.toit.FrontEndSupport.analyze;
import static io.eave.toit.FrontEndSupport.assertClean;
import static io.eave.toit.FrontEndSupport.project;
import static io.eave.toit.FrontEndSupport.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eave.toit.ToitFrontEnd.Diagnostic;
import io.eave.toit.ToitFrontEnd.Result;
import io.eave.toit.ToitFrontEnd.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Toit written for the Toit SDK, as other people write it, opens without false errors: each test
 * is one class of false error found by running the front end over public Toit code (see
 * docs/toit-editor.md, "Compatibility with Toit code written by others"). The snippets are ours.
 */
class ForeignCodeTest {

    private static String errors(Result result) {
        return result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void sdkModulesWeDoNotDeclareImportWithoutErrors() {
        assertClean("""
                import i2c
                import net.wifi
                import serialization
                import rpc
                import monitor show Mutex Latch
                import expect show *

                guard ::= Mutex

                scan-bus bus/i2c.Bus -> List:
                  return bus.scan

                main:
                  bus := i2c.Bus --sda=21 --scl=22
                  print (scan-bus bus)
                  network := wifi.open --ssid="home" --password="secret"
                  latch := Latch
                  guard.do: latch.set network
                  expect-equals network latch.get
                """);
    }

    @Test
    void theMathModuleHasTheSdksFunctions() {
        assertClean("""
                import math show *

                heading dx/num dy/num -> float:
                  return (atan2 dy dx) + (asin 0.5) - (acos 0.5) + (atan 1) + (tanh 0.1)

                main:
                  print (heading 1 2)
                  print (log 8 2)
                  print SQRT2 * LN2
                  g := Point3f 0 0 9.81
                  print (g + g).length
                """);
    }

    @Test
    void namesOfTheSdksModulesThatEavesPartLacksAreWarnings() {
        // Eave's gpio, uart, encoding.json and net.tcp are parts of the SDK's modules
        Result result = analyze("""
                import encoding.json show Encoder
                import gpio show *

                main:
                  encoder := Encoder
                  pin := VirtualPin:: print it
                  print encoder
                """);
        assertEquals("", errors(result));
        assertEquals("1:27 not-in-library\n6:10 not-in-library", summary(result));
        // math declares all of the SDK's module: a name it lacks is a mistake
        assertEquals("1:18 unresolved-name\n3:3 unresolved-name",
                summary(analyze("import math show Vector\nmain:\n  math.sinus 1\n".replace("math.sinus", "sinus"))));
    }

    @Test
    void interfaceMixinAndMonitorNameMembersInsideAClass() {
        // they start a class only at top level; as member names the reference warns they will be reserved
        Result result = analyze("""
                class Adapter:
                  interface index/int: return index
                  monitor := 3
                main:
                  a := Adapter
                  print (a.interface 2) + a.monitor
                """);
        assertEquals("", errors(result));
        assertEquals("2:3 reserved-name", summary(result));
    }

    @Test
    void olderSdkModulesImportWithoutErrors() {
        // `font`, `ar` and `zlib` are modules of the SDK that drivers and tools of 2021-2023 import;
        // `services.arguments` one that its own tests of 2018-2021 import
        assertClean("""
                import font show Font
                import ar
                import zlib
                import js
                import services.arguments show ArgumentParser

                main:
                  parser := ArgumentParser
                  parser.add_flag "verbose" --short="v"
                  sans := Font.get "sans10"
                  archive := ar.ArWriter null
                  print (zlib.Encoder).hash-code
                  js.eval "document.title = 'x'"
                  squares := ByteArray 4: it * it
                  ones := ByteArray 4 --initial=1
                """);
    }

    @Test
    void modulesOfTheToitPlatformOf2020ImportWithoutErrors() {
        // the SDK of 2020-2021 had `pubsub`, `job`, `metrics` and `statistics` for devices of its
        // cloud platform; programs of that time (demos, user projects) import them
        assertClean("""
                import pubsub
                import job
                import metrics show METRIC_COUNT
                import statistics

                IN ::= "cloud:app/in"

                main:
                  if job.trigger is job.PubSubTrigger: print "woken by a message"
                  pubsub.subscribe IN --auto_acknowledge: | msg/pubsub.Message |
                    pubsub.publish "cloud:app/out" msg.payload
                  print METRIC_COUNT
                """);
    }

    @Test
    void theCoreSetsTheTimeZone() {
        // `set-timezone` is a top-level function of the SDK's core (lib/core/time.toit)
        assertClean("""
                ZONE ::= "CET-1CEST,M3.5.0,M10.5.0/3"

                main:
                  set-timezone ZONE
                  print Time.now
                """);
        // a wrong call of it is still an error
        assertEquals("1:7 wrong-argument-count", summary(analyze("main: set-timezone")));
    }

    @Test
    void anUnknownModuleIsStillAnErrorButOnlyOnce() {
        Result result = analyze("""
                import sensors.thermometr

                main:
                  t := thermometr.Probe 3
                  print t.celsius
                """);
        assertEquals("1:8 unresolved-import", summary(result));
    }

    @Test
    void aRelativeImportThatIsMissingIsAnError() {
        assertEquals("1:9 unresolved-import", summary(analyze("import .helpers show blink\nmain:\n  blink 3\n")));
    }

    @Test
    void aClassExtendingAnExternalClassMayUseWhatItInherits() {
        assertClean("""
                import system.services

                class Counter extends services.ServiceProvider:
                  count := 0
                  constructor:
                    super "counter" --major=1 --minor=0

                  handle index/int arguments/any --gid/int --client/int -> any:
                    count++
                    if index == 0: return count
                    unreachable

                main:
                  counter := Counter
                  counter.install
                  invoke-somewhere := :: counter.uninstall --wait
                  invoke-somewhere.call
                """);
    }

    @Test
    void aPackageSpelledWithUnderscoresIsTheSamePackage(@TempDir Path dir) throws IOException {
        // packages of 2021 declare `solar_position:` and import `solar_position`: one name with `solar-position`
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/sun_times.toit"), "sunrise day/int -> int: return day * 2\n");
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/package.yaml"), "dependencies:\n  sun_times:\n    path: ..\n");
        Path test = dir.resolve("tests/sun-test.toit");
        Files.writeString(test, "import sun_times show *\nimport sun-times as sun\n\nmain:\n  print (sunrise 3)\n  print (sun.sunrise 4 5)\n");
        // both imports find src/sun_times.toit; its function is checked, so the wrong call is reported
        assertEquals("6:10 wrong-argument-count", summary(FRONT_END.analyze(test)));
    }

    @Test
    void packagesOfTheProjectResolveOrAreTakenOnTrust(@TempDir Path dir) throws IOException {
        // a path dependency is read from its src/ folder; a registry one that is not downloaded is trusted
        Files.createDirectories(dir.resolve("lib/src/util"));
        Files.writeString(dir.resolve("lib/src/util/retry.toit"), "retry times/int [block]:\n  times.repeat: block.call\n");
        Files.createDirectories(dir.resolve("lib/src/leds"));
        Files.writeString(dir.resolve("lib/src/leds/leds.toit"), "blink n/int: return n\n");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/package.yaml"), """
                dependencies:
                  mylib:
                    path: ../lib
                  morse:
                    url: github.com/someone/toit-morse
                    version: ^1.0.0
                """);
        Path main = dir.resolve("app/main.toit");
        Files.writeString(main, """
                import mylib.util.retry show retry
                import mylib.leds   // the folder shortcut: src/leds/leds.toit
                import morse

                main:
                  retry 3: print (morse.encode "sos")
                  leds.blink 2
                """);
        assertEquals("", errors(FRONT_END.analyze(main)));

        // the package's own checks still apply: a wrong call to a package function is an error
        Files.writeString(main, "import mylib.util.retry show retry\n\nmain:\n  retry: print 1\n");
        assertEquals("4:3 wrong-argument-count", summary(FRONT_END.analyze(main)).replaceAll("(?m)^.*unresolved.*$\n?", ""));

        // a prefix the package file does not declare is an unknown module
        Files.writeString(main, "import blinker\n\nmain:\n  blinker.run\n");
        assertEquals("1:8 unresolved-import", summary(FRONT_END.analyze(main)));
    }

    @Test
    void packageLockPrefixesAndDownloadedPackages(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package.lock"), """
                sdk: ^2.0.0
                prefixes:
                  leds: pkg-leds
                packages:
                  pkg-leds:
                    url: github.com/someone/pkg-leds
                    name: leds
                    version: 1.2.0
                """);
        Path src = dir.resolve(".packages/github.com/someone/pkg-leds/1.2.0/src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("leds.toit"), "class Strip:\n  constructor count/int:\n  show -> none:\n");
        Path main = dir.resolve("main.toit");
        Files.writeString(main, "import leds\n\nmain:\n  strip := leds.Strip 8\n  strip.show\n  strip.blink\n");
        // the downloaded sources are read: Strip is known, and so is what it lacks
        assertEquals("6:9 unresolved-name", summary(FRONT_END.analyze(main)));
    }

    @Test
    void sdkMembersTheCoreLibraryProvidesAreNotWarnedAbout() {
        // the spellings public SDK code uses most (docs/figures.md), now in the core library's sources
        Result result = analyze("""
                main:
                  n := 12
                  print n.count-leading-zeros + n.population-count + n.parity + (n.compare-to 3)
                  print (n.to-string --radix=16) + n.sqrt.stringify + 1.5.bits.stringify
                  s := "Hello"
                  print (s.at --raw 0) + (s.index-of --last "l") + (s.copy 1).size
                  print (string.from-rune 'a') + s.to-ascii-lower + (s.trim --right) + (s.replace "l" "L" 0 3)
                  print ("a,,b".split "," --drop-empty)
                  list := [3, 1, 2]
                  print list.is-sorted
                  list.resize 4
                  list.fill 0
                  list.remove 0
                  list.replace 0 [1, 2]
                  list.map --in-place: it + 1
                  list.do --reversed: print it
                  print (list.index-of --binary 2)
                  print (list.join ", ": "$it")
                  List.chunk-up 0 10 4: | from to size | print size
                  map := {"a": 1}
                  map.update "a" --if-absent=0: it + 1
                  map.update "b" --init=0: it + 1
                  print (map.get "a" --if-present=: it * 2)
                  print (map.reduce --values: | a b | a + b)
                  print (map.filter: | k v | v > 1)
                  print (map.any: | k v | v > 1) and (map.every: | k v | v > 0)
                  print (ByteArray.from #[1, 2])
                  print (Duration --ms=0).is-zero
                """);
        assertEquals("", errors(result));
        assertEquals("[]", result.diagnostics().toString());
    }

    @Test
    void membersMissingFromEavesLibraryAreWarningsNotErrors() {
        Result result = analyze("""
                main:
                  n := 12
                  print n.is-power-of-two
                  bytes := ByteArray 4 --initialize=0xff
                  print bytes
                  print Time.epoch
                """);
        assertEquals("", errors(result));
        assertEquals(3, result.diagnostics().size(), result.diagnostics().toString());
        for (Diagnostic d : result.diagnostics()) {
            assertEquals(Severity.WARNING, d.severity(), d.toString());
            assertEquals(ToitIssueCodes.NOT_IN_LIBRARY, d.code(), d.toString());
        }
        // a top-level function of the library is declared as the SDK has it: a wrong call is an error
        assertEquals("2:3 wrong-argument-count", summary(analyze("main:\n  print 1 2 3\n")));
        // a member the program's own class lacks is still an error
        assertEquals("4:10 unresolved-name", summary(analyze("class Lamp:\n  on: return 1\nmain:\n  (Lamp).of\n")));
    }

    @Test
    void whatTheFrontEndDeclaresOnACoreClassStaysVisibleBesideTheLibrarySources() {
        // the library's sources declare `int` without `MIN` or `parse`; the front end's core.toit
        // declares both: neither is a warning, statics and instance members alike
        assertClean("""
                main:
                  lowest := int.MIN
                  n := int.parse "41" --radix=16
                  print (n.is-odd ? lowest : n.abs)
                """);
        // a function the sources declare takes the front end's overloads too
        assertClean("""
                main:
                  task --background:: print "tick"
                  task --name="worker" --background=false:: print "work"
                """);
        assertEquals("2:3 unknown-named-argument", summary(analyze("main:\n  task --priority=3:: print 1\n")));
    }

    @Test
    void theSdkCoresPublicUtilitiesResolve() {
        assertClean("""
                main:
                  buffer := ByteArray (round-up 13 4)
                  print (round-down buffer.size KB)
                  set-random-seed "seed"
                  print (to-lower-case-hex (hex-char-to-value 'b'))
                  stats := process-stats
                  print stats[STATS-INDEX-ALLOCATED-MEMORY]
                  Profiler.do: print vm-sdk-version
                  current := task
                  add-finalizer current:: debug "gone"
                  print
                  if current.is-canceled: throw CANCELED-ERROR
                  results := Task.divide [:: 1, :: 2]
                  ratio := float.parse "0.5" --if-error=: 0.0
                  port := int.parse "x8080" 1 --on-error=: 80
                  print (remove-finalizer current)
                """);
    }

    @Test
    void sdkCoreNamesResolve() {
        assertClean("""
                main:
                  on-device := platform == PLATFORM-FREERTOS
                  e := catch:
                    with-timeout --ms=100:
                      critical-do: sleep --ms=10
                  if e == DEADLINE-EXCEEDED-ERROR: print "late"
                  if not on-device: return
                  unreachable
                """);
    }

    @Test
    void aConditionalMayPutItsElseBranchOnTheNextLine() {
        assertClean("""
                pick a b: return a
                main:
                  small := true
                  x := small ?
                      pick
                          1
                          2
                    :
                      3
                  y := small? 4
                    :
                    5
                  print x + y
                """);
    }

    @Test
    void aParenthesizedClassNameIsAnInstance() {
        assertClean("""
                class Point:
                  x := 3
                  static ORIGIN ::= 0

                main:
                  print (Point).x
                  print Point.ORIGIN + (Point).x
                """);
    }

    @Test
    void underscoreIgnoresAParameter() {
        assertClean("""
                main:
                  pairs := {1: "one", 2: "two"}
                  pairs.do: | _ name | print name
                  try:
                    print pairs.size
                  finally: | is-exception _ |
                    if is-exception: print "failed"
                """);
        Result local = analyze("main:\n  _ := 3\n");
        assertFalse(local.errors().isEmpty(), "a local named _ is still an error");
    }

    @Test
    void aFileNeverImportsItself() {
        // `import uart` in uart.toit means the library module, not the file
        Result result = project("examples/uart.toit", """
                import uart

                main:
                  port := uart.Port --tx=17 --rx=16
                  port.write "hello"
                  port.close
                """);
        assertEquals("", errors(result));
        assertTrue(result.diagnostics().isEmpty(), result.diagnostics().toString());
    }

    @Test
    void aLocalImportMakesTheModulesNamesVisibleDirectly() {
        Result result = project(
                "src/jobs.toit", """
                        import .scheduler

                        class Job:
                          scheduler_/Scheduler? := null
                          run: scheduler_.started this
                        """,
                "src/scheduler.toit", """
                        import .jobs

                        class Scheduler:
                          started job/Job -> none:
                        """,
                "src/main.toit", """
                        import .jobs
                        import .sensors   // the folder shortcut: sensors/sensors.toit
                        main:
                          job := Job
                          job.run
                          print (read-all 3)
                          print (jobs.Job)   // the prefix still works
                        """,
                "src/sensors/sensors.toit", "read-all n/int -> List: return List n\n");
        assertEquals("", summary(result));
    }

    @Test
    void aLocalBlockPassedOnCountsAsABlockArgument() {
        assertClean("""
                twice [first] [second]: return first.call + second.call
                main:
                  one := (: 1)
                  print (twice one: 2)
                """);
        assertEquals("4:10 wrong-argument-count", summary(analyze("""
                twice [first] [second]: return first.call + second.call
                main:
                  one := (:: 1)
                  print (twice one: 2)
                """)));
    }

    @Test
    void aModuleMayExportACoreName() {
        Result result = project(
                "sync.toit", "export Deque\nclass Gate:\n",
                "main.toit", "import .sync as sync\nmain:\n  d := sync.Deque\n  d.add 1\n");
        assertEquals("", summary(result));
    }

    @Test
    void aModuleReExportsWhatItImportsWhole() {
        // `export Led` of a name that `show *` or a local import brought in is passed on
        Result result = project(
                "leds.toit", "class Led:\n  on: return 1\nblink led/Led: return led.on\n",
                "board.toit", "import .leds show *\nexport Led\n",
                "panel.toit", "import .leds\nexport blink\n",
                "main.toit", "import .board\nimport .panel\nmain:\n  print (blink Led)\n");
        assertEquals("", summary(result));
        // a name the module does not have is still an error
        assertEquals("2:8 unresolved-name",
                summary(project("leds.toit", "class Led:\n", "board.toit", "import .leds show *\nexport Lamp\n")));
    }

    @Test
    void aLocalImportFindsAnOpenFileSpelledWithUnderscores() {
        // files given to the front end (open in an editor), not on disk
        Result result = project(
                "src/a_b.toit", "helper x: return x\n",
                "src/led_strip/led_strip.toit", "class Strip:\n",
                "src/main.toit", "import .a_b\nimport .a-b as ab\nimport .led_strip show Strip\nmain:\n  print (helper 1)\n  print (ab.helper 2)\n  print Strip\n");
        assertEquals("", summary(result));
    }

    @Test
    void aLocalImportFindsAFileThatMixesDashesAndUnderscores(@TempDir Path dir) throws IOException {
        // `my-driver_impl.toit` is the module `.my-driver-impl`, however the import spells it
        assertEquals("", summary(project(
                "src/my-driver_impl.toit", "probe: return 1\n",
                "src/main.toit", "import .my_driver-impl show probe\nmain:\n  print probe\n")));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/led-strip_v2.toit"), "class Strip:\n");
        Path main = dir.resolve("main.toit");
        Files.writeString(main, "import .lib.led-strip-v2 show Strip\nmain:\n  print Strip\n");
        assertEquals("", summary(FRONT_END.analyze(main)));
    }

    @Test
    void anImportFindsFilesSpelledWithUnderscores(@TempDir Path dir) throws IOException {
        // `_` and `-` are one character in names: static2_test.toit is `.static2-test` too
        Files.writeString(dir.resolve("shared_state.toit"), "class Counter:\n  static total := 0\n");
        Path main = dir.resolve("main.toit");
        Files.writeString(main, "import .shared_state as p\nimport .shared-state show Counter\nmain:\n  p.Counter.total++\n  print Counter.total\n");
        assertEquals("", summary(FRONT_END.analyze(main)));
    }

    @Test
    void aNamedBlockParameterMakesAnotherOverload() {
        assertClean("""
                attempt --verbose/bool=false [block]: return attempt --verbose=(: verbose) block
                attempt [--verbose] [block]:
                  if verbose.call: print "trying"
                  return block.call
                main:
                  attempt: 1
                  attempt --verbose=(: true): 2
                  each := :: | _ _ | null
                  each.call 1 2
                """);
        assertEquals("2:1 duplicate-declaration", summary(analyze("f --x/int: return x\nf --x/bool: return x\n")));
    }

    @Test
    void filesOfAnSdkLibrarySeeTheirOwnCore(@TempDir Path sdk) throws IOException {
        // the Toit compiler compiles lib/ against lib/core, which no file imports
        Files.createDirectories(sdk.resolve("lib/core"));
        Files.createDirectories(sdk.resolve("lib/net"));
        Files.writeString(sdk.resolve("lib/core/core.toit"), "import .errors\nimport .tasks\nexport *\n");
        Files.writeString(sdk.resolve("lib/core/errors.toit"), "TIMED-OUT-ERROR_ ::= \"TIMED_OUT\"\n");
        Files.writeString(sdk.resolve("lib/core/tasks.toit"), "class Task_:\n  static current -> Task_: return Task_\n  cancel_: throw TIMED-OUT-ERROR_\n");
        Path socket = sdk.resolve("lib/net/socket.toit");
        // `__throw__` and `__Monitor__` are the compiler's intrinsics, declared nowhere
        Files.writeString(socket, "close-all_:\n  Task_.current.cancel_\n  throw TIMED-OUT-ERROR_\n"
                + "raise_ x:\n  __throw__ x\nwatch m/__Monitor__: return m\n");
        assertEquals("", summary(FRONT_END.analyze(socket)));
        // outside an SDK's lib/ folder those names are unknown
        Path elsewhere = sdk.resolve("app.toit");
        Files.writeString(elsewhere, "main:\n  Task_.current.cancel_\n");
        assertEquals("2:3 unresolved-name", summary(FRONT_END.analyze(elsewhere)));
    }

    @Test
    void theSdksCoreMayDeclareTheNamesReservedForUserCode(@TempDir Path sdk) throws IOException {
        // lib/core/exceptions.toit declares `throw` and `catch`: Toit compiles it (with every program) silently
        Files.createDirectories(sdk.resolve("lib/core"));
        Files.writeString(sdk.resolve("lib/core/core.toit"), "import .failures\nexport *\n");
        Path failures = sdk.resolve("lib/core/failures.toit");
        Files.writeString(failures, "throw failure/any -> none:\n  __throw__ failure\n"
                + "catch [block]:\n  block.call\n  return null\n");
        assertEquals("", summary(FRONT_END.analyze(failures)));
        // the same declarations in a program keep their warning
        Path program = sdk.resolve("app.toit");
        Files.writeString(program, "catch [block]:\n  block.call\n  return null\n\nmain:\n");
        assertEquals("1:1 reserved-name", summary(FRONT_END.analyze(program)));
    }

    @Test
    void flagTypesAndTheResourceGroupOfTheSdksCore() {
        // `True` as the type of a flag picks an overload; SDK packages hand their primitives
        // the core's resource group and print on stderr past the print service
        assertClean("""
                class Pipe:
                  constructor --to-child/True:
                  constructor --from-child/True --name/string="child":

                open-dir_ group path/string: return [group, path]

                main:
                  a := Pipe --to-child
                  b := Pipe --from-child --name="x"
                  quiet/False := false
                  print [a, b, quiet, open-dir_ resource-freeing-module_ "/tmp"]
                  print_on_stderr_ "done"
                """);
    }

    @Test
    void namesReExportedFromAMissingModuleAreReportedOnceAtItsImport(@TempDir Path dir) throws IOException {
        // host.toit does `import .file show is-file` and `export is-file`: without file.toit,
        // `host.is-file` in another file is not a second error
        Files.writeString(dir.resolve("lib.toit"), "import .missing show helper Helper\nexport helper Helper\nreal: return 1\n");
        Path main = dir.resolve("main.toit");
        Files.writeString(main, """
                import .lib as lib
                import .lib show *
                check h/lib.Helper: return h
                main:
                  lib.helper
                  helper 2
                  print lib.real
                  lib.absent
                """);
        Result result = FRONT_END.analyze(main);
        String mainPath = main.toAbsolutePath().normalize().toString();
        String libPath = dir.resolve("lib.toit").toAbsolutePath().normalize().toString();
        assertEquals(java.util.List.of("8:7 unresolved-name"),
                result.diagnostics(mainPath).stream().map(io.eave.toit.FrontEndSupport::brief).toList());
        assertEquals(java.util.List.of("1:9 unresolved-import"),
                result.diagnostics(libPath).stream().map(io.eave.toit.FrontEndSupport::brief).toList());
    }

    @Test
    void collectionIsATypeOfTheSdksCore() {
        assertClean("""
                total collection/Collection -> int:
                  if collection.is-empty: return 0
                  return collection.reduce --initial=0: | sum n | sum + n

                main:
                  print (total [1, 2, 3])
                  print (total {4, 5})
                """);
    }

    @Test
    void systemMessagesOfTheSdksCore() {
        // a package that talks to native code registers for system messages and sends them
        assertClean("""
                class Channel implements SystemMessageHandler_:
                  base/int
                  constructor .base:
                    set_system_message_handler_ base this
                    process_send_ 0 base #[]

                  on-message type/int gid/int pid/int message/any -> none:
                    print message

                main:
                  Channel 100_000
                """);
    }

    @Test
    void aPrefixSharedWithAnSdkModuleWeDoNotDeclareTakesItsNamesOnTrust() {
        // the SDK's touch example binds `gpio` twice: Eave's gpio and the SDK's gpio.touch
        assertClean("""
                import gpio
                import gpio.touch as gpio

                calibrate touch/gpio.Touch -> none:
                  touch.threshold = 10

                main:
                  touch := gpio.Touch (gpio.Pin 32)
                  calibrate touch
                """);
    }

    @Test
    void abstractOnItsOwnLineModifiesTheClassBelow() {
        // the ordered-collections package writes the modifier on a line of its own
        assertClean("""
                abstract
                class Shape:
                  abstract area -> float
                  describe -> string: return "area $area"

                class Square extends Shape:
                  side/float
                  constructor .side:
                  area -> float: return side * side

                main:
                  print (Square 2.0).describe
                """);
        // the body of the next class does not belong to the lone modifier's line
        assertEquals("2:3 abstract-member-in-concrete-class",
                summary(analyze("class Plain:\n  abstract size -> int\nmain:\n")));
    }

    @Test
    void aSubclassOfALibraryClassMayUseWhatTheSdksClassHas() {
        // the SDK's Set has intersect, filter and remove --if-absent; Eave's Set has not (yet)
        Result result = analyze("""
                class Tags extends Set:
                  common other/Set -> Set:
                    return intersect other

                  keep-short -> none:
                    filter --in-place: it.size < 4

                  remove value/string -> none:
                    remove value --if-absent=: null

                main:
                  t := Tags
                  t.keep-short
                  t.remove "a"
                """);
        assertEquals("", errors(result));
        // intersect, filter, and remove --if-absent (the own overload does not take it)
        assertEquals(3, result.diagnostics().size(), result.diagnostics().toString());
        for (Diagnostic d : result.diagnostics()) {
            assertEquals(ToitIssueCodes.NOT_IN_LIBRARY, d.code(), d.toString());
        }
        // a class that extends nothing from the library still gets the error
        assertEquals("3:5 unresolved-name", summary(analyze("class Queue:\n  push value:\n    insert value\nmain:\n")));
    }

    @Test
    void comparableAndCollectionBaseOfTheSdksCore() {
        assertClean("""
                class Version implements Comparable:
                  n/int
                  constructor .n:
                  compare-to other/Version -> int: return n - other.n
                  compare-to other/Version [--if-equal] -> int:
                    result := compare-to other
                    return result == 0 ? if-equal.call this other : result

                class Bag extends CollectionBase:
                  items_ := []
                  size -> int: return items_.size
                  do [block] -> none: items_.do block

                smallest a/Comparable b/Comparable -> Comparable:
                  return (a.compare-to b) <= 0 ? a : b

                main:
                  print (smallest (Version 1) (Version 2))
                  bag := Bag
                  print (bag.is-empty and not (bag.contains 3))
                """);
    }

    @Test
    void externalNotificationsOfTheSdksCore() {
        // the SDK's system.external registers for notifications from native code
        assertClean("""
                class Listener implements SystemMessageHandler_:
                  constructor:
                    set-system-message-handler_ SYSTEM-EXTERNAL-NOTIFICATION_ this
                  close: clear-system-message-handler_ SYSTEM-EXTERNAL-NOTIFICATION_
                  on-message type/int gid/int pid/int message/any -> none:
                    if pid == (pid-for-external-id_ "toit.io/ext"): print message
                main:
                  (Listener).close
                """);
    }
}
