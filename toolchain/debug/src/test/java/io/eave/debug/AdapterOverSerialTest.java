package io.eave.debug;

/**
 * Every session of {@link AdapterAgainstSimulatorTest} again, the adapter reaching eave-sim over
 * its serial line (the pty it prints) instead of TCP: the {@code device} argument is a serial
 * path, as for a board on a USB-serial port, so the link runs with serial framing and timings
 * and without authentication (the pty is a trusted endpoint).
 */
class AdapterOverSerialTest extends AdapterAgainstSimulatorTest {
    @Override
    String device() {
        return sim.serialPath();
    }
}
