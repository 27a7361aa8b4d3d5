package io.oteldoctor.cli.follow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.ingest.LineSink;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives log lines from shippers that cannot run a program: newline-delimited text or JSON over a
 * TCP connection (Vector's socket sink, Fluent Bit's tcp output) or in the bodies of HTTP POSTs
 * (Fluent Bit's and Vector's http outputs). Each connection or request is its own source, so its
 * lines are assembled apart from the others'.
 */
final class Listener implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    /** Where a listener binds: {@code tcp://host:port} or {@code http://host:port}. */
    record Address(boolean http, String host, int port) {

        static Address parse(String value) {
            URI uri;
            try {
                uri = URI.create(value.contains("://") ? value : "tcp://" + value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--listen " + value + ": not an address (use tcp://127.0.0.1:PORT or http://127.0.0.1:PORT)");
            }
            String scheme = uri.getScheme();
            if (!("tcp".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("--listen " + value + ": use tcp://HOST:PORT or http://HOST:PORT");
            }
            return new Address("http".equals(scheme), uri.getHost(), uri.getPort());
        }

        @Override
        public String toString() {
            return (http ? "http" : "tcp") + "://" + host + ":" + port;
        }
    }

    private final Address address;
    private final Inbox inbox;
    private final int maxLineBytes;
    private final AtomicLong connections = new AtomicLong();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "otel-doctor-listener");
        t.setDaemon(true);
        return t;
    });
    private ServerSocket socket;
    private HttpServer server;

    Listener(Address address, Inbox inbox, int maxLineBytes) {
        this.address = address;
        this.inbox = inbox;
        this.maxLineBytes = maxLineBytes;
    }

    /** Binds and starts accepting; returns the port actually bound (useful with port 0). */
    int start() throws IOException {
        InetSocketAddress bind = new InetSocketAddress(address.host(), address.port());
        if (address.http()) {
            server = HttpServer.create(bind, 64);
            server.createContext("/", this::post);
            server.setExecutor(workers);
            server.start();
            return server.getAddress().getPort();
        }
        socket = new ServerSocket();
        socket.bind(bind, 64);
        workers.execute(this::accept);
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                workers.execute(() -> read(s));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("{}: {}", address, e.getMessage());
                }
            }
        }
    }

    private void read(Socket s) {
        String source = address + "#" + connections.incrementAndGet();
        try (s; InputStream in = s.getInputStream()) {
            new LineScanner(maxLineBytes).scan(in, inbox.sink(source));
        } catch (IOException e) {
            LOG.warn("{}: connection ended: {}", source, e.getMessage());
            inbox.put(new Inbox.Closed(source));
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) && !"PUT".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST, PUT");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String source = address + "#" + connections.incrementAndGet();
            LineSink sink = inbox.sink(source);
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream body = gzip ? new java.util.zip.GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                new LineScanner(maxLineBytes).scan(body, sink);
            } catch (IOException e) {
                inbox.put(new Inbox.Closed(source));
                throw e;
            }
            // the lines are in the inbox: accounted for in order, as if they had come over a pipe
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            LOG.debug("closing {}", address, e);
        }
        if (server != null) {
            server.stop(0);
        }
        workers.shutdownNow();
    }
}
