package com.securetrunk.gateway.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.ServerResponseInterface;
import gov.nist.javax.sip.stack.StackMessageFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Hands a response that matches no client transaction (a retransmitted 2xx after its transaction has gone, a late
 * response) straight to the stack's dialog layer, skipping the search JAIN-SIP RI 1.3.0-91 does first
 * ({@code SIPTransactionStack.newSIPServerResponse}): when the table lookup by branch finds nothing, it compares the
 * response with every client transaction in the table, lower-casing strings for each. With thousands of transactions
 * in the table (every call's INVITE and BYE for up to 64*T1) that is milliseconds per stray response, on the single
 * reader thread of a TLS connection; under load the far end retransmits its 2xx while our ACK waits behind that thread,
 * each retransmission is another stray response, and the thread falls behind for good (seen at 150 calls/s: 25,000
 * unread messages queued on the connection, every call failing). For an RFC 3261 branch ({@code z9hG4bK}) the
 * search cannot succeed, since the table is keyed by that branch; the RI itself skips it when the lookup finds a
 * transaction that does not match. What the stack does after a failed search is done here unchanged: the dialog
 * layer ({@code DialogFilter}) re-sends the ACK of a retransmitted 2xx or passes the response to the listener
 * without a transaction. Responses with an RFC 2543 branch still go the stack's way.
 */
public final class StrayResponseValve implements SIPMessageValve {
    private static final VarHandle MESSAGE_FACTORY = RiFields.find(SIPTransactionStack.class, "sipMessageFactory",
            StackMessageFactory.class, "stray responses take JAIN-SIP's linear search through every client transaction");
    private static final String RFC3261_BRANCH = "z9hg4bk"; // SIPResponse.getTransactionId() is lower case

    private SIPTransactionStack stack;
    private StackMessageFactory dialogLayer;
    /** Responses handed to the dialog layer here, i.e. whose search was skipped (for tests: the valve's path was taken). */
    private final LongAdder strays = new LongAdder();

    @Override
    public void init(SipStack sipStack) {
        if (!(sipStack instanceof SipStackImpl s)) {
            return;
        }
        if (MESSAGE_FACTORY != null) {
            dialogLayer = (StackMessageFactory) MESSAGE_FACTORY.get((SIPTransactionStack) s);
            stack = s;
        }
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        if (dialogLayer == null || !(response instanceof SIPResponse r)) {
            return true;
        }
        String id = r.getTransactionId();
        if (id == null || !id.startsWith(RFC3261_BRANCH) || stack.findTransaction(id, false) != null) {
            return true; // the stack finds its transaction by key, or must search (RFC 2543)
        }
        strays.increment();
        ServerResponseInterface handler = dialogLayer.newSIPServerResponse(r, channel);
        if (handler != null) {
            handler.processResponse(r, channel);
        }
        return false; // handled: the stack drops it instead of searching
    }

    long straysHandled() {
        return strays.sum();
    }

    @Override
    public void destroy() {
        stack = null;
        dialogLayer = null;
    }
}
