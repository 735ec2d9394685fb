package com.securetrunk.testpbx.ami;

/** One {@code manager.conf} user. The simulator gives every user {@code read=all write=all}. */
public record ManagerUser(String username, String secret) {

    @Override
    public String toString() {
        return "ManagerUser[username=" + username + ", secret=<redacted>]";
    }
}
