package com.securetrunk.gateway.sip;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.invoke.VarHandle;
import javax.sip.Dialog;

/**
 * Cancels the RI's "delete the dialog if no ACK is sent" timer once our ACK has gone out.
 *
 * <p>The RI (1.3.0-91) schedules it for every dialog of an INVITE we sent (64*T1, 32 s) and never cancels it: when it
 * fires after an ACK it does nothing, but until then it holds the dialog and its messages. At 300 calls/s that is
 * 9,600 dialogs kept for nothing, the largest share of what G1 copies in the young pauses behind issue 7's p99.
 * Cancelling after {@link Dialog#sendAck} changes no behaviour (the task would have found the ACK sent); with
 * {@link PromptReleaseSipTimer} the cancelled task leaves the timer queue at once.
 */
final class DialogAckTimers {
    private static final String WITHOUT_IT = "dialogs are kept until their 32 s ACK timer fires";
    private static final VarHandle TASK = RiFields.find(SIPDialog.class, "dialogDeleteIfNoAckSentTask", taskClass(), WITHOUT_IT);
    private static final VarHandle STACK = RiFields.find(SIPDialog.class, "sipStack", SIPTransactionStack.class, WITHOUT_IT);

    private DialogAckTimers() {
    }

    /** After {@code dialog.sendAck(..)}: drop the dialog's no-ACK-sent timer, if the RI still has one scheduled. */
    static void ackSent(Dialog dialog) {
        if (TASK == null || STACK == null || !(dialog instanceof SIPDialog d)) {
            return;
        }
        synchronized (d) { // the RI creates and clears the field under the dialog's monitor
            SIPStackTimerTask task = (SIPStackTimerTask) TASK.get(d);
            if (task == null) {
                return;
            }
            TASK.set(d, null);
            SIPTransactionStack stack = (SIPTransactionStack) STACK.get(d);
            if (stack != null && stack.getTimer() != null) {
                stack.getTimer().cancel(task);
            }
        }
    }

    private static Class<?> taskClass() {
        for (Class<?> c : SIPDialog.class.getDeclaredClasses()) {
            if (c.getSimpleName().equals("DialogDeleteIfNoAckSentTask")) {
                return c;
            }
        }
        return Void.class; // not in this RI version: RiFields reports the field missing
    }
}
