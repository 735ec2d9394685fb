package com.securetrunk.testpbx.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction layer of {@link SipUa} (RFC 3261 section 17), run on the UA's single signalling thread:
 * client transactions retransmit over UDP (T1 = 500 ms doubling, capped at T2 = 4 s for non-INVITE) and
 * time out (Timer B/F); server transactions remember their last response to answer retransmitted requests
 * and retransmit a final non-2xx INVITE response over UDP until the ACK (Timer G/H).
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    static final long T1_MS = 500;
    static final long T2_MS = 4000;

    private final String name;
    private final SipTransports transports;
    private final ScheduledExecutorService core;
    private final Duration transactionTimeout;
    private final Map<String, ClientTx> clientTxs = new ConcurrentHashMap<>();
    private final Map<String, ServerTx> serverTxs = new ConcurrentHashMap<>();

    Transactions(String name, SipTransports transports, ScheduledExecutorService core, Duration timeout) {
        this.name = name;
        this.transports = transports;
        this.core = core;
        this.transactionTimeout = timeout;
    }

    static String key(String branch, String method) {
        return branch + "|" + method;
    }

    ClientTx client(String branch, String method) {
        return branch == null ? null : clientTxs.get(key(branch, method));
    }

    ServerTx server(String branch, String method) {
        return branch == null ? null : serverTxs.get(key(branch, method));
    }

    /** Creates a server transaction for a new request; it is forgotten after 40 s. */
    ServerTx newServer(String key, SipTransports.Inbound source) {
        ServerTx tx = new ServerTx(key, source);
        serverTxs.put(key, tx);
        core.schedule(() -> serverTxs.remove(key), 40, TimeUnit.SECONDS);
        return tx;
    }

    int pendingClients() {
        return clientTxs.size();
    }

    
    void sendStateless(SipMessage m, Transport t, InetSocketAddress dest, SipTransports.Connection c,
                               String serverName) {
        try {
            transports.send(m, t, dest, c, serverName);
        } catch (IOException e) {
            LOG.info("{}: sending {} to {} failed: {}", name, m.firstLine(), dest, e.getMessage());
        }
    }

    ClientTx sendRequest(SipMessage req, Transport t, InetSocketAddress dest, SipTransports.Connection c,
                                 String serverName, Consumer<SipMessage> onResponse, Consumer<Throwable> onFailure) {
        String key = key(req.topViaBranch(), req.method());
        ClientTx tx = new ClientTx(key, req, t, dest, serverName, onResponse, onFailure);
        clientTxs.put(key, tx);
        try {
            tx.connection = transports.send(req, t, dest, c, serverName);
        } catch (IOException e) {
            clientTxs.remove(key);
            onFailure.accept(e);
            return null;
        }
        tx.start();
        return tx;
    }

    /** Client transaction (17.1): retransmits over UDP, times out, passes responses on. */
    final class ClientTx {
        final String key;
        final SipMessage request;
        final Transport transport;
        final InetSocketAddress dest;
        final String serverName;
        final Consumer<SipMessage> onResponse;
        final Consumer<Throwable> onFailure;
        SipTransports.Connection connection;
        ScheduledFuture<?> retransmit;
        ScheduledFuture<?> timeout;
        boolean provisional;
        boolean done;

        ClientTx(String key, SipMessage request, Transport transport, InetSocketAddress dest, String serverName,
                 Consumer<SipMessage> onResponse, Consumer<Throwable> onFailure) {
            this.key = key;
            this.request = request;
            this.transport = transport;
            this.dest = dest;
            this.serverName = serverName;
            this.onResponse = onResponse;
            this.onFailure = onFailure;
        }

        void start() {
            if (transport == Transport.UDP) {
                scheduleRetransmit(T1_MS);
            }
            timeout = core.schedule(() -> {
                if (!done) {
                    done = true;
                    cancelRetransmit();
                    clientTxs.remove(key);
                    onFailure.accept(new java.util.concurrent.TimeoutException(
                            "no final response to " + request.method() + " within " + transactionTimeout));
                }
            }, transactionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void scheduleRetransmit(long delay) {
            retransmit = core.schedule(() -> {
                if (done || (provisional && request.method().equals("INVITE"))) {
                    return;
                }
                sendStateless(request, transport, dest, connection, serverName);
                scheduleRetransmit(Math.min(delay * 2, request.method().equals("INVITE") ? Long.MAX_VALUE / 4
                        : T2_MS));
            }, delay, TimeUnit.MILLISECONDS);
        }

        void cancelRetransmit() {
            if (retransmit != null) {
                retransmit.cancel(false);
            }
        }

        void onResponse(SipMessage resp) {
            if (resp.status() < 200) {
                provisional = true;
                if (!done) {
                    onResponse.accept(resp);
                }
                return;
            }
            boolean firstFinal = !done;
            done = true;
            cancelRetransmit();
            if (timeout != null) {
                timeout.cancel(false);
            }
            // keep the transaction a while to absorb retransmitted finals (Timer D / K)
            core.schedule(() -> clientTxs.remove(key), 32, TimeUnit.SECONDS);
            if (firstFinal || (request.method().equals("INVITE"))) {
                onResponse.accept(resp);
            }
        }
    }

    /** Server transaction (17.2): remembers the last response to answer retransmitted requests. */
    final class ServerTx {
        final String key;
        final SipTransports.Inbound source;
        SipMessage last;
        boolean acked;

        ServerTx(String key, SipTransports.Inbound source) {
            this.key = key;
            this.source = source;
        }

        void send(SipMessage response) {
            last = response;
            sendRaw(response);
            if (source.transport() == Transport.UDP && response.status() >= 300
                    && "INVITE".equals(response.cseqMethod())) {
                retransmitUntilAck(response, T1_MS, 0);
            }
        }

        void sendRaw(SipMessage response) {
            sendStateless(response, source.transport(), source.remote(), source.connection(), null);
        }

        void retransmitLast() {
            if (last != null) {
                sendRaw(last);
            }
        }

        private void retransmitUntilAck(SipMessage response, long delay, long elapsed) {
            core.schedule(() -> {
                if (acked || last != response || elapsed + delay >= 64 * T1_MS) {
                    return;
                }
                sendRaw(response);
                retransmitUntilAck(response, Math.min(delay * 2, T2_MS), elapsed + delay);
            }, delay, TimeUnit.MILLISECONDS);
        }
    }
}
