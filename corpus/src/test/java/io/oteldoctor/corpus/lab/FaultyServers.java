package io.oteldoctor.corpus.lab;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Misbehaving OTLP endpoints on 127.0.0.1 only, each started by a test and stopped by it. Nothing
 * here ever connects anywhere else.
 */
final class FaultyServers implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Path workDir;

    FaultyServers(Path workDir) {
        this.workDir = workDir;
    }

    /** An HTTP/1.1 server that answers every request with the given status and body. */
    int http(int status, String body, String... headers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        running.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    /** An HTTPS server with a certificate made for this test. */
    int https(Certificate cert, int status) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(cert.sslContext()));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        running.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    /** A port nothing listens on. */
    int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** Accepts connections and then says nothing at all. */
    int silent() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        List<Socket> held = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                // stopped
            }
        }, "silent-listener");
        t.setDaemon(true);
        t.start();
        running.add(() -> {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        });
        return server.getLocalPort();
    }

    /** Greets every connection with a gRPC (HTTP/2) server's first SETTINGS frame, as a plaintext gRPC port does. */
    int grpcPreface() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        byte[] settings = {0, 0, 6, 4, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0x40, 0};
        Thread t = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.setSoTimeout(2000);
                        s.getOutputStream().write(settings);
                        s.getOutputStream().flush();
                        InputStream in = s.getInputStream();
                        in.read(new byte[4096]);
                    } catch (IOException peerGone) {
                        // next connection
                    }
                }
            } catch (RuntimeException stopped) {
                // stopped
            }
        }, "grpc-preface");
        t.setDaemon(true);
        t.start();
        running.add(server::close);
        return server.getLocalPort();
    }

    /**
     * An HTTP/1.1-only server that, like a real one, reads what the client sends before it answers
     * 400 and then waits for the client to hang up. Answering first races the client's writes and
     * leaves only a "Broken pipe" in the client's log, which says nothing about the mismatch.
     */
    int http1Only() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        byte[] answer = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
                + "Content-Length: 15\r\n\r\n400 Bad Request").getBytes(StandardCharsets.US_ASCII);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    s.setSoTimeout(300);
                    byte[] buf = new byte[8192];
                    try {
                        while (in.read(buf) >= 0) {
                            // drain the client's preface and frames until it pauses
                        }
                    } catch (java.net.SocketTimeoutException paused) {
                        // the client has said what it had to say
                    }
                    s.getOutputStream().write(answer);
                    s.getOutputStream().flush();
                    s.setSoTimeout(5000);
                    try {
                        while (in.read(buf) >= 0) {
                            // wait for the client to close
                        }
                    } catch (java.net.SocketTimeoutException gaveUp) {
                        // close anyway
                    }
                } catch (IOException e) {
                    // stopped, or the client went away
                }
            }
        }, "http1-only");
        t.setDaemon(true);
        t.start();
        running.add(server::close);
        return server.getLocalPort();
    }

    /**
     * A real gRPC server (grpc-java over Netty, plaintext HTTP/2) that takes any method and, after
     * {@code delay}, ends every call with {@code status}. An OK status comes with an empty message,
     * which is a valid empty OTLP Export*ServiceResponse, so a delayed OK is a backend that answers
     * correctly but too late.
     */
    int grpc(Status status, Duration delay) throws IOException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "grpc-lab-timer");
            t.setDaemon(true);
            return t;
        });
        ServerCallHandler<byte[], byte[]> handler = (call, headers) -> {
            call.request(1);
            return new ServerCall.Listener<>() {
                @Override
                public void onHalfClose() {
                    timer.schedule(() -> answer(call, status), delay.toMillis(), TimeUnit.MILLISECONDS);
                }
            };
        };
        HandlerRegistry anyMethod = new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(methodName)
                        .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
                return ServerMethodDefinition.create(method, handler);
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(LOOPBACK, 0)).fallbackHandlerRegistry(anyMethod)
                .build().start();
        running.add(() -> {
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
            timer.shutdownNow();
        });
        return server.getPort();
    }

    private static void answer(ServerCall<byte[], byte[]> call, Status status) {
        try {
            if (status.isOk()) {
                call.sendHeaders(new Metadata());
                call.sendMessage(new byte[0]);
            }
            call.close(status, new Metadata());
        } catch (IllegalStateException cancelled) {
            // the client gave up first (its deadline passed): that is the point of a slow answer
        }
    }

    /** Messages are taken and sent as raw bytes: the lab never needs to read an OTLP request. */
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL.withCause(e).asRuntimeException();
            }
        }
    };

    /**
     * An HTTP/1.1 server that reads each request and answers {@code status} only after
     * {@code delay}: a backend that works, slowly.
     */
    int slowHttp(int status, Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        java.util.concurrent.ExecutorService handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slow-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        running.add(() -> {
            server.stop(0);
            handlers.shutdownNow(); // wakes handlers still sleeping on an answer nobody waits for
        });
        return server.getAddress().getPort();
    }

    /** A key pair and self-signed certificate made with the JDK's keytool. */
    record Certificate(Path keystore, Path pem) {

        SSLContext sslContext() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        }

        byte[] pemBytes() throws IOException {
            return Files.readAllBytes(pem);
        }
    }

    /**
     * @param san       subject alternative names, e.g. {@code ip:127.0.0.1,dns:localhost}
     * @param startDate keytool's -startdate, e.g. {@code -3d} for a certificate that expired already, or null
     */
    Certificate certificate(String name, String san, String startDate) throws IOException, InterruptedException {
        Path ks = workDir.resolve(name + ".p12");
        Path pem = workDir.resolve(name + ".pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> gen = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + name, "-validity", "1", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit", "-ext", "SAN=" + san));
        if (startDate != null) {
            gen.addAll(List.of("-startdate", startDate));
        }
        run(gen);
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", ks.toString(), "-storepass", "changeit",
                "-file", pem.toString()));
        return new Certificate(ks, pem);
    }

    /** A server certificate signed by a CA of its own; the returned PEM is the CA's, for the client to trust. */
    Certificate signedCertificate(String name, String san, String startDate) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path ca = workDir.resolve(name + "-ca.p12");
        Path caPem = workDir.resolve(name + "-ca.pem");
        Path server = workDir.resolve(name + ".p12");
        Path csr = workDir.resolve(name + ".csr");
        Path crt = workDir.resolve(name + ".crt");
        List<String> store = List.of("-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(concat(List.of(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-dname", "CN=" + name + "-ca", "-ext", "bc:c",
                "-validity", "30", "-keystore", ca.toString()), store));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", "changeit", "-file", caPem.toString()));
        run(concat(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-dname", "CN=" + name, "-keystore", server.toString()), store));
        run(List.of(keytool, "-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", "changeit", "-file", csr.toString()));
        List<String> sign = new ArrayList<>(List.of(keytool, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass",
                "changeit", "-infile", csr.toString(), "-outfile", crt.toString(), "-validity", "1", "-ext", "SAN=" + san));
        if (startDate != null) {
            sign.addAll(List.of("-startdate", startDate));
        }
        run(sign);
        run(List.of(keytool, "-importcert", "-noprompt", "-alias", "ca", "-keystore", server.toString(), "-storepass", "changeit",
                "-file", caPem.toString()));
        run(List.of(keytool, "-importcert", "-alias", "server", "-keystore", server.toString(), "-storepass", "changeit", "-file", crt.toString()));
        return new Certificate(server, caPem);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }
}
