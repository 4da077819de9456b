package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import org.dataembassy.portal.replication.StateLockedException;

/** Exclusive OS file lock on the state folder's {@code lock} file; released on close or process death. */
final class StateLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    StateLock(StateFolder state) {
        try {
            channel = FileChannel.open(state.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                channel.close();
                throw new StateLockedException("another replication or prune is running for state " + state.root());
            }
            lock = l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
