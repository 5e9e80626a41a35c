package io.dsr4j.programs.symbolic.symja;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A child for {@link SymjaChildProcessTest}: says it is ready, then answers every request with a frame of garbage. */
public final class GarbageServer {

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(System.in);
        DataOutputStream out = new DataOutputStream(System.out);
        SymjaWire.writeFrame(out, SymjaWire.ready());
        while (SymjaWire.readFrame(in) != null) {
            SymjaWire.writeFrame(out, "not an answer".getBytes(StandardCharsets.UTF_8));
        }
    }
}
