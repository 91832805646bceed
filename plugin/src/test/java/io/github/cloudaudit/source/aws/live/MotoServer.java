package io.github.cloudaudit.source.aws.live;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * moto's server on 127.0.0.1 and a free port: one endpoint for every service and region. Where moto is missing
 * the tests are skipped with a message, except under {@code CI=true}, where they fail.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        requireMoto();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto", ".log");
        Process process = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer moto = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
        moto.awaitReady();
        return moto;
    }

    public URI endpoint() {
        return endpoint;
    }

    private static void requireMoto() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("python3", "-c", "import moto.server")
                .redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"), "moto-probe.log"))
                .start();
        boolean present = probe.waitFor() == 0;
        String message = "moto is not installed: pip install 'moto[server]==5.2.1' to run the live AWS tests";
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: these tests must run)");
        }
        Assumptions.assumeTrue(present, message);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto stopped at start: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("moto did not answer within 60 s: " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
