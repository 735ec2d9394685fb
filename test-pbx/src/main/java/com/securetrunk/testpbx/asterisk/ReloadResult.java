package com.securetrunk.testpbx.asterisk;

/**
 * {@code enum ast_module_reload_result} (main/loader.c): the Reload event's {@code Status} number and the messages
 * of the Reload and ModuleLoad(reload) actions, which word their errors differently.
 */
public enum ReloadResult {
    SUCCESS(0, "Module Reloaded", "Module reloaded."),
    QUEUED(1, "Module Reloaded", "Module reloaded."),
    NOT_FOUND(2, "No such module", "No such module."),
    ERROR(3, "An unknown error occurred", "An unknown error occurred"),
    IN_PROGRESS(4, "A reload is in progress", "A reload is in progress"),
    UNINITIALIZED(5, "Module not initialized", "Module not initialized"),
    NOT_IMPLEMENTED(6, "Module does not support reload", "Module does not support reload action.");

    private final int status;
    private final String reloadMessage;
    private final String moduleLoadMessage;

    ReloadResult(int status, String reloadMessage, String moduleLoadMessage) {
        this.status = status;
        this.reloadMessage = reloadMessage;
        this.moduleLoadMessage = moduleLoadMessage;
    }

    public int status() {
        return status;
    }

    public boolean ok() {
        return this == SUCCESS || this == QUEUED;
    }

    /** Message of {@code Action: Reload} ({@code action_reload}). */
    public String reloadMessage() {
        return reloadMessage;
    }

    /** Message of {@code Action: ModuleLoad} with {@code LoadType: reload} ({@code manager_moduleload}). */
    public String moduleLoadMessage() {
        return moduleLoadMessage;
    }
}
