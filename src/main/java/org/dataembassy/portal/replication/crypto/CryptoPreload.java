package org.dataembassy.portal.replication.crypto;

/**
 * Starts loading the native AES-GCM library, Tink's key types and zstd's native library on
 * background threads, so that a short-lived process (the CLI) overlaps these one-time costs
 * with its other start-up work. Optional; everything also loads on first use.
 *
 * <p>Kept apart from {@link DataCipher}: calling a static method of DataCipher would run its
 * static initialiser (Tink registration, about half a second) on the calling thread.
 */
public final class CryptoPreload {
    private CryptoPreload() {
    }

    public static void start() {
        for (Runnable r : new Runnable[] {NativeGcm::available, TinkSetup::ensure, Compression::loadNative}) {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } catch (Throwable ignored) {
                    // reported again, with context, on first real use
                }
            }, "crypto-preload");
            t.setDaemon(true);
            t.start();
        }
    }
}
