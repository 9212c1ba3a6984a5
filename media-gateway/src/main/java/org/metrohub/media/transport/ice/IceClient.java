package org.metrohub.media.transport.ice;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.ice4j.StunException;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.AttributeFactory;
import org.ice4j.attribute.ErrorCodeAttribute;
import org.ice4j.attribute.MessageIntegrityAttribute;
import org.ice4j.attribute.UsernameAttribute;
import org.ice4j.message.Message;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.security.CredentialsAuthority;
import org.ice4j.stack.StunStack;
import org.ice4j.stack.TransactionID;
import org.metrohub.media.sdp.Candidate;

/**
 * A minimal ICE <em>controlling</em> peer (RFC 8445) for tests and load-test bots, over UDP or ICE-TCP (RFC 6544,
 * RFC 4571 framing). It sends a STUN Binding request with USERNAME {@code remoteUfrag:localUfrag}, PRIORITY,
 * ICE-CONTROLLING, USE-CANDIDATE, MESSAGE-INTEGRITY and FINGERPRINT (aggressive nomination of its only pair) until a
 * success response whose MESSAGE-INTEGRITY checks out, answers the other side's Binding requests (triggered checks,
 * consent freshness) and carries non-STUN datagrams with {@link #send} and {@link #receive}. One daemon thread per
 * client reads the socket. Browsers are the real peers; this is not a full agent (one candidate, no pacing).
 */
public final class IceClient implements AutoCloseable {

    static {
        Ice4jDefaults.apply();
    }

    /** RFC 8445 §5.1.2.1 priority of a peer-reflexive candidate (type preference 110, local 65535, component 1). */
    static final long PRFLX_PRIORITY = (110L << 24) | (65535L << 8) | 255;
    /** Same for a host candidate (type preference 126). */
    static final long HOST_PRIORITY = (126L << 24) | (65535L << 8) | 255;
    private static final long RETRANSMIT_MILLIS = 50;
    private static final int MAX_DATAGRAM = 65535;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final String remoteUfrag;
    private final String remotePassword;
    private final String localUfrag;
    private final String localPassword;
    private final long tieBreaker = RANDOM.nextLong() & Long.MAX_VALUE;
    private final Link link;
    private final StunStack stunStack = new StunStack();
    private final BlockingQueue<byte[]> data = new ArrayBlockingQueue<>(1024);
    private final Object monitor = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder requestsAnswered = new LongAdder();
    private final LongAdder requestsRejected = new LongAdder();
    private final LongAdder dataDropped = new LongAdder();
    private final Thread reader;
    private final DatagramHandler handler;
    private volatile boolean answering = true;
    private byte[] pendingTransaction;
    private boolean connected;
    private int errorCode;

    private IceClient(String localUfrag, String localPassword, String remoteUfrag, String remotePassword, Link link,
                      DatagramHandler handler) {
        this.localUfrag = Objects.requireNonNull(localUfrag, "localUfrag");
        this.localPassword = Objects.requireNonNull(localPassword, "localPassword");
        this.remoteUfrag = Objects.requireNonNull(remoteUfrag, "remoteUfrag");
        this.remotePassword = Objects.requireNonNull(remotePassword, "remotePassword");
        this.link = link;
        this.handler = handler;
        stunStack.getCredentialsManager().registerAuthority(new CredentialsAuthority() {
            @Override
            public byte[] getLocalKey(String username) {
                return localPassword.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] getRemoteKey(String username, String media) {
                return IceClient.this.remotePassword.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public boolean checkLocalUserName(String username) {
                return username.startsWith(localUfrag + ":");
            }
        });
        reader = Thread.ofPlatform().daemon().name("ice-client-" + localUfrag).unstarted(this::readLoop);
        reader.start();
    }

    /** A client on an ephemeral UDP port of 127.0.0.1 that checks {@code remote}. */
    public static IceClient udp(String remoteUfrag, String remotePassword, InetSocketAddress remote)
            throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new IceClient(random(8), random(24), remoteUfrag, remotePassword, new UdpLink(socket, remote), null);
    }

    /**
     * A client on a socket the caller bound already, with credentials the caller chose, for a peer that puts them in
     * its offer before it knows the other side's (a load-test bot: offer first, then check). Non-STUN datagrams go to
     * {@code handler} on the reader thread, in a buffer reused for the next one ({@link #receive} then gets nothing);
     * with a null handler they are queued for {@link #receive} as usual. The client owns the socket from now on.
     *
     * @param localUfrag    at least 4 ice-chars (RFC 8445 §5.3)
     * @param localPassword at least 22 ice-chars
     */
    public static IceClient udp(DatagramSocket socket, String localUfrag, String localPassword, String remoteUfrag,
                                String remotePassword, InetSocketAddress remote, DatagramHandler handler) {
        Objects.requireNonNull(socket, "socket");
        if (localUfrag.length() < 4 || localPassword.length() < 22) {
            throw new IllegalArgumentException("ICE ufrag needs at least 4 characters, the password 22 (RFC 8445 §5.3)");
        }
        return new IceClient(localUfrag, localPassword, remoteUfrag, remotePassword, new UdpLink(socket, remote),
                handler);
    }

    /** Random ICE credentials of {@code length} ice-chars (RFC 8445 §5.3), for {@link #udp(DatagramSocket, String,
     * String, String, String, InetSocketAddress, DatagramHandler)}. */
    public static String randomIceString(int length) {
        return random(length);
    }

    /** A client that opens a TCP connection to the passive ICE-TCP candidate {@code remote} and checks over it. */
    public static IceClient tcp(String remoteUfrag, String remotePassword, InetSocketAddress remote)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.connect(remote, 5_000);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new IceClient(random(8), random(24), remoteUfrag, remotePassword, new TcpLink(socket), null);
    }

    public String localUfrag() {
        return localUfrag;
    }

    public String localPassword() {
        return localPassword;
    }

    public InetSocketAddress localAddress() {
        return link.localAddress();
    }

    /**
     * Our candidate for the other side's {@code addRemoteCandidate}: a UDP host candidate, or for TCP an {@code
     * active} one on the discard port 9 as browsers write it.
     */
    public Candidate candidate() {
        InetSocketAddress local = link.localAddress();
        boolean tcp = link instanceof TcpLink;
        return new Candidate("1", 1, tcp ? "tcp" : "udp", HOST_PRIORITY, local.getAddress().getHostAddress(),
                tcp ? 9 : local.getPort(), "host", Optional.empty(), OptionalInt.empty(),
                tcp ? Optional.of("active") : Optional.empty(), OptionalLong.empty(), List.of());
    }

    /**
     * Sends the nominating check every 50 ms until the other side answers.
     *
     * @return true on an authenticated success response; false on an error response ({@link #errorCode()}) or when
     *         {@code timeout} passes
     */
    public boolean connect(Duration timeout) throws IOException {
        Request request = MessageFactory.createBindingRequest();
        byte[] transaction = TransactionID.createNewTransactionID().getBytes();
        try {
            request.setTransactionID(transaction);
        } catch (StunException e) {
            throw new IOException(e);
        }
        String username = remoteUfrag + ":" + localUfrag;
        request.putAttribute(AttributeFactory.createUsernameAttribute(username));
        request.putAttribute(AttributeFactory.createPriorityAttribute(PRFLX_PRIORITY));
        request.putAttribute(AttributeFactory.createIceControllingAttribute(tieBreaker));
        request.putAttribute(AttributeFactory.createUseCandidateAttribute());
        request.putAttribute(AttributeFactory.createMessageIntegrityAttribute(username));
        request.putAttribute(AttributeFactory.createFingerprintAttribute());
        byte[] bytes = request.encode(stunStack);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            pendingTransaction = transaction;
            connected = false;
            errorCode = 0;
            while (true) {
                link.send(bytes, 0, bytes.length);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor,
                            Math.min(left, TimeUnit.MILLISECONDS.toNanos(RETRANSMIT_MILLIS)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (connected) {
                    return true;
                }
                if (errorCode != 0) {
                    return false;
                }
            }
        }
    }

    /** The ERROR-CODE of the last error response to {@link #connect} (e.g. 401), 0 if none. */
    public int errorCode() {
        synchronized (monitor) {
            return errorCode;
        }
    }

    /** Whether to answer the other side's Binding requests (off: a peer that went silent). */
    public void answerChecks(boolean answer) {
        answering = answer;
    }

    /** Binding requests from the other side answered with a success response. */
    public long requestsAnswered() {
        return requestsAnswered.sum();
    }

    /** Binding requests ignored: wrong USERNAME or MESSAGE-INTEGRITY, or answering turned off. */
    public long requestsRejected() {
        return requestsRejected.sum();
    }

    /** Sends one datagram as is (no STUN check, so tests can send junk too). */
    public void send(byte[] buf, int off, int len) throws IOException {
        link.send(buf, off, len);
    }

    /**
     * The next non-STUN datagram, copied into {@code buf}.
     *
     * @return its length, or -1 if none arrived within {@code timeout}
     */
    public int receive(byte[] buf, Duration timeout) {
        byte[] next;
        try {
            next = data.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        if (next == null) {
            return -1;
        }
        int len = Math.min(next.length, buf.length);
        System.arraycopy(next, 0, buf, 0, len);
        return len;
    }

    /** Non-STUN datagrams dropped because nobody called {@link #receive} (queue of 1024 full) or the handler threw. */
    public long dataDropped() {
        return dataDropped.sum();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        link.close();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stunStack.shutDown();
    }

    /** The reader thread; tests check it ends. */
    Thread readerThread() {
        return reader;
    }

    private void readLoop() {
        byte[] buf = new byte[MAX_DATAGRAM];
        while (!closed.get()) {
            int len;
            try {
                len = link.receive(buf);
            } catch (IOException e) {
                return;
            }
            if (len < 0) {
                return;
            }
            if (isStun(buf, len)) {
                try {
                    onStun(buf, len);
                } catch (StunException | IOException | RuntimeException e) {
                    requestsRejected.increment();
                }
            } else if (handler != null) {
                try {
                    handler.onDatagram(buf, 0, len);
                } catch (RuntimeException e) {
                    dataDropped.increment();
                }
            } else if (!data.offer(Arrays.copyOf(buf, len))) {
                dataDropped.increment();
            }
        }
    }

    /** RFC 7983: first byte 0–3; RFC 5389 §6: the magic cookie. */
    private static boolean isStun(byte[] b, int len) {
        return len >= 20 && (b[0] & 0xFF) < 4 && (b[4] & 0xFF) == 0x21 && (b[5] & 0xFF) == 0x12
                && (b[6] & 0xFF) == 0xA4 && (b[7] & 0xFF) == 0x42;
    }

    private void onStun(byte[] buf, int len) throws StunException, IOException {
        Message message = Message.decode(buf, 0, len);
        char type = message.getMessageType();
        if (type == Message.BINDING_REQUEST) {
            answer((Request) message, buf, len);
        } else if (type == Message.BINDING_SUCCESS_RESPONSE || type == Message.BINDING_ERROR_RESPONSE) {
            synchronized (monitor) {
                if (pendingTransaction == null || !Arrays.equals(pendingTransaction, message.getTransactionID())) {
                    return;
                }
                if (type == Message.BINDING_SUCCESS_RESPONSE) {
                    if (!integrityOk(buf, len, remotePassword)) {
                        return; // RFC 8445 §7.2.5.2.2: not from the peer we think
                    }
                    connected = true;
                } else {
                    ErrorCodeAttribute error = (ErrorCodeAttribute) message.getAttribute(Attribute.ERROR_CODE);
                    errorCode = error == null ? 400 : error.getErrorCode();
                }
                pendingTransaction = null;
                monitor.notifyAll();
            }
        }
    }

    private void answer(Request request, byte[] buf, int len) throws StunException, IOException {
        UsernameAttribute username = (UsernameAttribute) request.getAttribute(Attribute.USERNAME);
        if (!answering || username == null
                || !new String(username.getUsername(), StandardCharsets.UTF_8).startsWith(localUfrag + ":")
                || !integrityOk(buf, len, localPassword)) {
            requestsRejected.increment();
            return;
        }
        InetSocketAddress from = link.remoteAddress();
        Response response = MessageFactory.createBindingResponse(request,
                new TransportAddress(from.getAddress(), from.getPort(), link.transport()));
        response.setTransactionID(request.getTransactionID());
        response.putAttribute(AttributeFactory.createMessageIntegrityAttribute(
                new String(username.getUsername(), StandardCharsets.UTF_8)));
        response.putAttribute(AttributeFactory.createFingerprintAttribute());
        byte[] bytes = response.encode(stunStack);
        link.send(bytes, 0, bytes.length);
        requestsAnswered.increment();
    }

    /**
     * RFC 5389 §15.4: HMAC-SHA1 keyed with the short-term password over the message up to MESSAGE-INTEGRITY, with the
     * header length covering the attribute.
     */
    static boolean integrityOk(byte[] msg, int len, String password) {
        int off = 20;
        while (off + 4 <= len) {
            int type = ((msg[off] & 0xFF) << 8) | (msg[off + 1] & 0xFF);
            int attrLen = ((msg[off + 2] & 0xFF) << 8) | (msg[off + 3] & 0xFF);
            if (type == Attribute.MESSAGE_INTEGRITY) {
                if (attrLen != 20 || off + 24 > len) {
                    return false;
                }
                byte[] copy = Arrays.copyOf(msg, off);
                int covered = off + 24 - 20;
                copy[2] = (byte) (covered >> 8);
                copy[3] = (byte) covered;
                byte[] mac = MessageIntegrityAttribute.calculateHmacSha1(copy, 0, off,
                        password.getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(mac, Arrays.copyOfRange(msg, off + 4, off + 24));
            }
            off += 4 + ((attrLen + 3) & ~3);
        }
        return false;
    }

    private static String random(int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        }
        return new String(out);
    }

    /** One socket: UDP datagrams, or a TCP stream framed per RFC 4571. */
    private sealed interface Link permits UdpLink, TcpLink {
        void send(byte[] buf, int off, int len) throws IOException;

        /** Blocks for the next datagram; -1 at end of stream. */
        int receive(byte[] buf) throws IOException;

        InetSocketAddress localAddress();

        InetSocketAddress remoteAddress();

        Transport transport();

        void close();
    }

    /** UDP; {@code receive} (the reader thread only) reuses one packet and compares the source without allocating. */
    private static final class UdpLink implements Link {
        private final DatagramSocket socket;
        private final InetSocketAddress remote;
        private final DatagramPacket incoming = new DatagramPacket(new byte[0], 0);

        UdpLink(DatagramSocket socket, InetSocketAddress remote) {
            this.socket = socket;
            this.remote = remote;
        }

        @Override
        public void send(byte[] buf, int off, int len) throws IOException {
            socket.send(new DatagramPacket(buf, off, len, remote));
        }

        @Override
        public int receive(byte[] buf) throws IOException {
            while (true) {
                incoming.setData(buf, 0, buf.length);
                socket.receive(incoming);
                if (incoming.getPort() == remote.getPort() && remote.getAddress().equals(incoming.getAddress())) {
                    return incoming.getLength();
                }
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return remote;
        }

        @Override
        public Transport transport() {
            return Transport.UDP;
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static final class TcpLink implements Link {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        TcpLink(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        @Override
        public void send(byte[] buf, int off, int len) throws IOException {
            if (len > 0xFFFF) {
                throw new IOException("RFC 4571 frames hold at most 65535 bytes: " + len);
            }
            byte[] frame = new byte[2 + len];
            frame[0] = (byte) (len >> 8);
            frame[1] = (byte) len;
            System.arraycopy(buf, off, frame, 2, len);
            synchronized (out) {
                out.write(frame);
                out.flush();
            }
        }

        @Override
        public int receive(byte[] buf) throws IOException {
            int len;
            try {
                len = in.readUnsignedShort();
            } catch (java.io.EOFException e) {
                return -1;
            }
            in.readFully(buf, 0, len);
            return len;
        }

        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return (InetSocketAddress) socket.getRemoteSocketAddress();
        }

        @Override
        public Transport transport() {
            return Transport.TCP;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
