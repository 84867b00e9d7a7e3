package io.portpush.cli.nftables;

import java.net.ServerSocket;
import java.net.Socket;

/** Accepts and closes connections on the given ports; started inside a network namespace by the test. */
public final class PortListener {
    private PortListener() {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            ServerSocket s = new ServerSocket(Integer.parseInt(a));
            Thread t = new Thread(() -> {
                while (true) {
                    try (Socket c = s.accept()) {
                        c.getOutputStream().write('!');
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.start();
        }
        System.out.println("listening");
        System.out.flush();
        Thread.currentThread().join();
    }
}
