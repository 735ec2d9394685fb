package com.securetrunk.testpbx.asterisk;

/**
 * Why an UpdateConfig batch was refused, with the exact message {@code action_updateconfig} sends
 * ({@code enum error_type} in manager.c). Any error discards the whole batch: nothing is saved.
 */
public enum ConfigUpdateError {
    UNKNOWN_ACTION("Unknown action command"),
    UNKNOWN_CATEGORY("Given category does not exist"),
    UNSPECIFIED_CATEGORY("Category not specified"),
    UNSPECIFIED_ARGUMENT("Problem with category, value, or line (if required)"),
    FAILURE_NEWCAT("Create category did not complete successfully"),
    FAILURE_DELCAT("Delete category did not complete successfully"),
    FAILURE_EMPTYCAT("Empty category did not complete successfully"),
    FAILURE_UPDATE("Update did not complete successfully"),
    FAILURE_DELETE("Delete did not complete successfully"),
    FAILURE_APPEND("Append did not complete successfully"),
    FAILURE_TEMPLATE("Template category not found");

    private final String message;

    ConfigUpdateError(String message) {
        this.message = message;
    }

    /** The {@code Message:} text of the AMI error response. */
    public String message() {
        return message;
    }
}
