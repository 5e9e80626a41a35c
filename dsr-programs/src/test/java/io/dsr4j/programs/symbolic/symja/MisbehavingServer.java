package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.symbolic.Simplified;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A child for {@link SymjaChildProcessTest}: says it is ready, then answers every request as its argument says:
 * {@code garbage} (a frame that is no answer), {@code silent} (never), {@code stuck} (a timeout whose computation
 * goes on: a thread spins, and the answer says so).
 */
public final class MisbehavingServer {

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(System.in);
        DataOutputStream out = new DataOutputStream(System.out);
        SymjaWire.writeFrame(out, SymjaWire.ready());
        for (byte[] frame = SymjaWire.readFrame(in); frame != null; frame = SymjaWire.readFrame(in)) {
            switch (args[0]) {
                case "garbage" -> SymjaWire.writeFrame(out, "not an answer".getBytes(StandardCharsets.UTF_8));
                case "silent" -> { }
                case "stuck" -> {
                    Thread spin = new Thread(() -> {
                        long n = 0;
                        while (n >= 0) n++;
                    });
                    spin.setDaemon(true);
                    spin.start();
                    SymjaWire.Request r = SymjaWire.readRequest(frame);
                    SymjaWire.writeFrame(out, SymjaWire.simplifyAnswer(r.id(), Simplified.raw(r.raw(),
                            Simplified.Status.TIMEOUT), true));
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }
}
