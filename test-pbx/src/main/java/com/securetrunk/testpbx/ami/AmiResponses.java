package com.securetrunk.testpbx.ami;

/**
 * The response shapes of manager.c: {@code astman_send_response_full} writes {@code Response}, then
 * {@code ActionID} (only if the request had one), then {@code Message} (only if non-null); list acks put
 * {@code EventList: start} before the message; list completion is {@code astman_send_list_complete_start}.
 */
public final class AmiResponses {

    private AmiResponses() {
    }

    public static AmiMessage success(AmiMessage request, String message) {
        AmiMessage.Builder b = AmiMessage.builder().add("Response", "Success").actionId(request.get("ActionID"));
        if (message != null) {
            b.add("Message", message);
        }
        return b.build();
    }

    /** {@code astman_start_ack}: the start of a success response the caller continues with its own fields. */
    public static AmiMessage.Builder startSuccess(AmiMessage request) {
        return AmiMessage.builder().add("Response", "Success").actionId(request.get("ActionID"));
    }

    public static AmiMessage error(AmiMessage request, String message) {
        return AmiMessage.builder().add("Response", "Error").actionId(request.get("ActionID"))
                .add("Message", message).build();
    }

    /** {@code astman_send_listack}: {@code Response: Success}, ActionID, {@code EventList: start}, Message. */
    public static AmiMessage listAck(AmiMessage request, String message) {
        return AmiMessage.builder().add("Response", "Success").actionId(request.get("ActionID"))
                .add("EventList", "start").add("Message", message).build();
    }

    /** One list item event; list items carry the ActionID right after the event name. */
    public static AmiMessage.Builder listItem(AmiMessage request, String eventName) {
        return AmiMessage.builder().add("Event", eventName).actionId(request.get("ActionID"));
    }

    /** {@code Event: <name>Complete}, ActionID, {@code EventList: Complete}, {@code ListItems: n}. */
    public static AmiMessage listComplete(AmiMessage request, String eventName, int items) {
        return AmiMessage.builder().add("Event", eventName).actionId(request.get("ActionID"))
                .add("EventList", "Complete").add("ListItems", items).build();
    }
}
