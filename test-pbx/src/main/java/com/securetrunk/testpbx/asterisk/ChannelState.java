package com.securetrunk.testpbx.asterisk;

/** {@code enum ast_channel_state} with the numbers and texts AMI shows ({@code ast_state2str}). */
public enum ChannelState {
    DOWN(0, "Down"),
    RESERVED(1, "Rsrvd"),
    OFFHOOK(2, "OffHook"),
    DIALING(3, "Dialing"),
    RING(4, "Ring"),
    RINGING(5, "Ringing"),
    UP(6, "Up"),
    BUSY(7, "Busy");

    private final int code;
    private final String description;

    ChannelState(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
