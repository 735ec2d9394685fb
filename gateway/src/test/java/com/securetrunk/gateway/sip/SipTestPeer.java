package com.securetrunk.gateway.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP user agent on a stack built by {@link SipStackFactory}: answers OPTIONS with 200 and sends OPTIONS,
 * recording what came back. Test scaffolding around the real stack, not a stand-in for it.
 */
final class SipTestPeer implements SipListener, AutoCloseable {
    private static final AtomicLong CALL_IDS = new AtomicLong();
    static final AddressFactory ADDRESSES;
    static final HeaderFactory HEADERS;
    static final MessageFactory MESSAGES;

    static {
        try {
            SipFactory f = SipFactory.getInstance();
            f.setPathName("gov.nist");
            ADDRESSES = f.createAddressFactory();
            HEADERS = f.createHeaderFactory();
            MESSAGES = f.createMessageFactory();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One outcome of a sent request: a final response, a timeout, or a transport error. */
    record Outcome(int status, String failure) {
        boolean ok() {
            return status == 200;
        }
    }

    final SipStackHandle handle;
    final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    final List<String> requestsReceived = new ArrayList<>();

    SipTestPeer(SipStackSettings settings) {
        this.handle = SipStackFactory.start(settings, this);
    }

    /** Sends OPTIONS to {@code host:port;transport=...} from the provider listening on {@code transport} at {@code localAddress}. */
    Outcome options(String localAddress, Transport transport, String host, int port, long waitMs) throws Exception {
        SipProvider provider = handle.provider(transport, localAddress).orElseThrow();
        ListeningPoint lp = provider.getListeningPoint(transport.jainSipName());
        SipURI target = ADDRESSES.createSipURI(null, host);
        target.setPort(port);
        target.setTransportParam(transport.jainSipName());
        SipURI fromUri = ADDRESSES.createSipURI("test", localAddress.indexOf(':') >= 0 ? "[" + localAddress + "]" : localAddress);
        List<ViaHeader> vias = new ArrayList<>();
        vias.add(HEADERS.createViaHeader(lp.getIPAddress(), lp.getPort(), transport.jainSipName(), null));
        Request req = MESSAGES.createRequest(target, Request.OPTIONS,
                HEADERS.createCallIdHeader("options-" + CALL_IDS.incrementAndGet() + "@securetrunk.test"),
                HEADERS.createCSeqHeader(1L, Request.OPTIONS),
                HEADERS.createFromHeader(ADDRESSES.createAddress(fromUri), "t" + System.nanoTime()),
                HEADERS.createToHeader(ADDRESSES.createAddress(target), null),
                vias, HEADERS.createMaxForwardsHeader(70));
        outcomes.clear();
        try {
            ClientTransaction ct = provider.getNewClientTransaction(req);
            ct.sendRequest();
        } catch (Exception e) {
            return new Outcome(0, "send failed: " + e);
        }
        Outcome o = outcomes.poll(waitMs, TimeUnit.MILLISECONDS);
        return o == null ? new Outcome(0, "no outcome within " + waitMs + " ms") : o;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request req = event.getRequest();
        synchronized (requestsReceived) {
            requestsReceived.add(req.getMethod());
        }
        if (!Request.OPTIONS.equals(req.getMethod())) {
            return;
        }
        try {
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                st = ((SipProvider) event.getSource()).getNewServerTransaction(req);
            }
            Response ok = MESSAGES.createResponse(Response.OK, req);
            st.sendResponse(ok);
        } catch (Exception e) {
            throw new IllegalStateException("cannot answer OPTIONS: " + e, e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        int status = event.getResponse().getStatusCode();
        if (status >= 200) {
            outcomes.add(new Outcome(status, null));
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        outcomes.add(new Outcome(0, "timeout"));
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        outcomes.add(new Outcome(0, "transport error to " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport()));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to release
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs
    }

    @Override
    public void close() {
        handle.close();
    }
}
