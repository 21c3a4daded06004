package io.github.iscworkflows.client;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Creates HTTP connections that never log headers or bytes. HttpClient's own connections log every
 * header (the bearer token included) to {@code org.apache.hc.client5.http.headers} and every byte (the
 * client secret in the token form included) to {@code org.apache.hc.client5.http.wire} when those
 * loggers are at debug, which {@code mvn -X} turns on. These connections skip both, whatever the log
 * level; the transport logs its own masked summary of each call instead.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

    private static final AtomicLong COUNTER = new AtomicLong();

    private QuietConnectionFactory() {}

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("isc-connection-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** A connection that binds the plain socket (no wire logging) and logs no headers. */
    static final class QuietConnection extends DefaultManagedHttpClientConnection {

        QuietConnection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // headers are not logged: they carry the bearer token
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // headers are not logged, like the request's
        }
    }
}
