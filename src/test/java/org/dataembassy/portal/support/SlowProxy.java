package org.dataembassy.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy that forwards to a real server at a bounded rate, for "slow site" tests: every
 * {@code chunk} bytes in either direction wait {@code delayMillis}.
 */
public final class SlowProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-proxy");
        t.setDaemon(true);
        return t;
    });

    public SlowProxy(int targetPort, int chunk, long delayMillis) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket();
                    target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                    threads.execute(() -> pump(client, target, chunk, delayMillis));
                    threads.execute(() -> pump(target, client, chunk, delayMillis));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    private static void pump(Socket from, Socket to, int chunk, long delayMillis) {
        byte[] buffer = new byte[chunk];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                Thread.sleep(delayMillis);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException done) {
            // either side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
