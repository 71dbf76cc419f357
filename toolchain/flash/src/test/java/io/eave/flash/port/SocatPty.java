package io.eave.flash.port;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/** A pty pair made by socat ({@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}); tests are skipped without socat. */
public final class SocatPty implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process process;
    public final String host;
    public final String device;

    private SocatPty(Process process, String host, String device) {
        this.process = process;
        this.host = host;
        this.device = device;
    }

    public static SocatPty start() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
        } catch (IOException e) {
            Assumptions.abort("socat is not installed (apt-get install socat): " + e.getMessage());
            throw e;
        }
        CompletableFuture<List<String>> ptys = CompletableFuture.supplyAsync(() -> {
            List<String> found = new ArrayList<>();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = PTY.matcher(line);
                    if (m.find()) {
                        found.add(m.group(1));
                    }
                    if (line.contains("starting data transfer loop")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // fall through with what we have
            }
            return found;
        });
        List<String> names = ptys.get(5, TimeUnit.SECONDS);
        if (names.size() != 2) {
            p.destroy();
            throw new IllegalStateException("socat did not report two ptys: " + names);
        }
        return new SocatPty(p, names.get(0), names.get(1));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
