package io.dsr4j.train.estimator;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Tags each estimator's checkpoint state so that resuming with another estimator type fails clearly. */
final class StateHeader {

    private static final String PREFIX = "dsr4j.estimator.";
    private static final int VERSION = 1;

    private StateHeader() { }

    static void write(DataOutputStream out, String type) throws IOException {
        out.writeUTF(PREFIX + type);
        out.writeInt(VERSION);
    }

    static void read(DataInputStream in, String type) throws IOException {
        String tag = in.readUTF();
        if (!tag.equals(PREFIX + type)) {
            throw new IOException("checkpoint holds estimator state '" + tag.replace(PREFIX, "")
                    + "' but the configured estimator is '" + type + "'");
        }
        int version = in.readInt();
        if (version != VERSION) throw new IOException("unsupported " + type + " estimator state version " + version);
    }
}
